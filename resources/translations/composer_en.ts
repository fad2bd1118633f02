<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="186"/>
        <location filename="../../composer/gui/app.py" line="50"/>
        <source>网络安全事件报告</source>
        <translation>Cybersecurity Incident Report</translation>
    </message>
    <message>
        <location filename="../../composer/gui/app.py" line="97"/>
        <source>无法新建草稿数据库</source>
        <translation>Cannot create a new drafts database</translation>
    </message>
    <message>
        <location filename="../../composer/gui/app.py" line="118"/>
        <source>无法打开草稿数据库</source>
        <translation>Cannot open the drafts database</translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <location filename="../../composer/gui/autosave.py" line="234"/>
        <source>报告已另存为：</source>
        <translation>Report saved as: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/autosave.py" line="244"/>
        <source>另存报告</source>
        <translation>Save report as</translation>
    </message>
    <message>
        <location filename="../../composer/gui/autosave.py" line="299"/>
        <source>立即重试</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <location filename="../../composer/gui/autosave.py" line="260"/>
        <source>最近的修改没有保存到草稿数据库：%1
退出后这些修改将丢失。请先另存报告。</source>
        <translation>The latest changes are not in the drafts database: %1
They will be lost when you quit. Save the report elsewhere first.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/autosave.py" line="312"/>
        <source>草稿数据库中有无法读取的记录，已跳过，其余数据正常：</source>
        <translation>Some records of the drafts database cannot be read and were skipped; everything else is fine:</translation>
    </message>
    <message>
        <location filename="../../composer/gui/autosave.py" line="267"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../composer/gui/autosave.py" line="259"/>
        <source>草稿无法保存</source>
        <translation>Draft cannot be saved</translation>
    </message>
    <message>
        <location filename="../../composer/gui/autosave.py" line="317"/>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../composer/gui/autosave.py" line="333"/>
        <source>⚠ 草稿无法保存：%1。您的修改仍保留在本窗口中；程序每 %2 秒自动重试。为防丢失，请另存一份报告。</source>
        <translation>⚠ The draft cannot be saved: %1. Your changes are kept in this window; saving is retried every %2 s. To be safe, save a copy of the report elsewhere.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/autosave.py" line="265"/>
        <location filename="../../composer/gui/autosave.py" line="296"/>
        <source>另存报告…</source>
        <translation>Save report as…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/autosave.py" line="266"/>
        <source>仍然退出</source>
        <translation>Quit anyway</translation>
    </message>
    <message>
        <location filename="../../composer/gui/autosave.py" line="229"/>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../composer/gui/autosave.py" line="245"/>
        <source>事件文件 (*.json)</source>
        <translation>Incident files (*.json)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/autosave.py" line="161"/>
        <source>已自动保存 %1（北京时间）</source>
        <translation>Saved automatically at %1 (Beijing time)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/autosave.py" line="208"/>
        <source>草稿无法保存（见窗口下方的红色提示）</source>
        <translation>The draft cannot be saved (see the red notice at the bottom of the window)</translation>
    </message>
</context>
<context>
    <name>BasicFactsPage</name>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="28"/>
        <source>事件基本情况</source>
        <translation>Basic facts of the incident</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="29"/>
        <source>《办法》第七条第（一）（二）项。时间均为北京时间；报告时限从发现时间起算。</source>
        <translation>Measures art. 7 items 1–2. All times are Beijing time; the time limit runs from discovery.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="34"/>
        <source>事件名称</source>
        <translation>Incident title</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="35"/>
        <source>例如：会员系统遭勒索病毒攻击</source>
        <translation>e.g. Membership system hit by ransomware</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="36"/>
        <source>发现时间</source>
        <translation>Discovered at</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="37"/>
        <source>发现或者获知事件的时间（默认为现在）。</source>
        <translation>When the incident was discovered or learned of (defaults to now).</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="38"/>
        <source>发生时间</source>
        <translation>Occurred at</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="39"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="41"/>
        <source>事件类型</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="42"/>
        <source>按 GB/T 20986-2023 分类。</source>
        <translation>Classified under GB/T 20986-2023.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="43"/>
        <source>涉及的设施、系统、平台</source>
        <translation>Facilities, systems, platforms affected</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="44"/>
        <source>发生地点</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="45"/>
        <source>事件经过</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="46"/>
        <source>已造成的影响和危害</source>
        <translation>Impact and harm so far</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="47"/>
        <source>已采取的应对措施及效果</source>
        <translation>Measures taken and their effect</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="48"/>
        <source>处置结束时间</source>
        <translation>Handling completed at</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="50"/>
        <source>总结报告必填：处置结束后 30 日内报送总结报告。</source>
        <translation>Required for a summary report: due within 30 days after handling ends.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="51"/>
        <source>涉嫌违法犯罪</source>
        <translation>Suspected crime</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="52"/>
        <source>是（须同时向公安机关报案）</source>
        <translation>Yes (also report it to the police)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="61"/>
        <source>勒索信息（勒索病毒事件须报告）</source>
        <translation>Ransom (required for ransomware)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="66"/>
        <source>例如：3 BTC</source>
        <translation>e.g. 3 BTC</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="67"/>
        <source>支付方式</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="73"/>
        <source>暂不掌握（报告中注明“暂不掌握，将及时补报”）</source>
        <translation>Not yet known (the report says “not yet known; will be supplemented promptly”)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="54"/>
        <source>向公安机关报案</source>
        <translation>Reported to the police</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="55"/>
        <source>（不在报告中说明）</source>
        <translation>(not stated in the report)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="56"/>
        <source>尚未报案</source>
        <translation>Not yet reported</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="56"/>
        <source>已报案</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="57"/>
        <source>报告中如实写明：尚未报案，或何时向何机关报案。</source>
        <translation>The report states exactly this: not yet reported, or when and to which body.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="58"/>
        <source>报案时间</source>
        <translation>Reported at</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="59"/>
        <source>报案机关</source>
        <translation>Reported to</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="60"/>
        <source>例如：杭州市公安局网络安全保卫支队</source>
        <translation>e.g. the city public security bureau&apos;s cyber security unit</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="65"/>
        <source>赎金金额</source>
        <translation>Ransom amount</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="68"/>
        <source>索要日期</source>
        <translation>Date demanded</translation>
    </message>
</context>
<context>
    <name>ChannelCards</name>
    <message>
        <location filename="../../composer/gui/channels.py" line="93"/>
        <source>报告预览</source>
        <translation>Report preview</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="94"/>
        <source>电子邮件</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="95"/>
        <source>传真</source>
        <translation>Fax</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="97"/>
        <source>12387 热线</source>
        <translation>12387 hotline</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="98"/>
        <source>网站 / 小程序 / 公众号</source>
        <translation>Website / mini-program / WeChat account</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="99"/>
        <source>后续事项</source>
        <translation>Still owed</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="310"/>
        <source>收件地址：</source>
        <translation>Send to: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="159"/>
        <source>在邮件客户端中打开…</source>
        <translation>Open in mail client…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="156"/>
        <source>复制地址</source>
        <translation>Copy address</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="163"/>
        <source>邮件草稿（.eml）已附 PDF 报告。各客户端的打开方式：
• Outlook：作为可编辑草稿打开（文件带 X-Unsent: 1），检查后直接点“发送”。
• Thunderbird：以只读方式打开，请点“编辑为新消息”（Edit as New）后发送。
• 其他客户端若只显示邮件、不能编辑：请新建邮件，收件人填写上面的地址，附上材料包中的 report.pdf。
发送后，在“已发送”中打开该邮件，查看原始邮件头中的 Message-ID，记录报送时填写，作为回执。</source>
        <translation>The e-mail draft (.eml) has the PDF report attached. How mail clients open it:
• Outlook: as an editable draft (the file carries X-Unsent: 1); check it and click “Send”.
• Thunderbird: read-only; choose “Edit as New” and send.
• Other clients that only display it: write a new message to the address above and attach report.pdf from the package.
After sending, open the message in “Sent”, look up its Message-ID in the headers and enter it when recording the sending, as the receipt.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="311"/>
        <source>传真号码：</source>
        <translation>Fax number: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="182"/>
        <source>打印传真件…</source>
        <translation>Print fax set…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="183"/>
        <source>保存传真 TIFF…</source>
        <translation>Save fax TIFF…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="179"/>
        <source>复制号码</source>
        <translation>Copy number</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="187"/>
        <source>传真件 = 封面 + 报告。用传真机发送：打印后放入传真机。用传真服务器（如 HylaFAX）发送：保存 TIFF（1 位黑白、1728 像素宽、204×196 dpi、CCITT G3）后提交。
发送后保留传真机打印的发送报告（传输报告），记录报送时可附上其扫描件。</source>
        <translation>Fax set = cover + report. With a fax machine: print it and feed it in. With a fax server (e.g. HylaFAX): save the TIFF (1-bit, 1728 px wide, 204×196 dpi, CCITT G3) and submit it.
Keep the transmission report the fax machine prints; attach a scan of it when recording the sending.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="201"/>
        <source>拨打 %1。按下面的电话稿顺序说明：先说单位和联系人，再说第一、二项，然后是级别和理由、时限。</source>
        <translation>Dial %1. Follow the script below in order: unit and contact first, then items 1 and 2, then the level and why, and the deadline. (The script is in Chinese, as it is said on the phone.)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="209"/>
        <source>电话稿</source>
        <translation>Phone script</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="212"/>
        <source>打印电话稿和记录单…</source>
        <translation>Print script and call record…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="214"/>
        <source>复制电话稿</source>
        <translation>Copy script</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="216"/>
        <source>通话时在打印的“电话报告记录单”上记下通话时间、接听人姓名、受理编号和对方询问的问题；记录报送时填写。</source>
        <translation>During the call, note on the printed call record sheet the time, the name of the person who took the call, any reference number (受理编号) and what they asked; enter them when recording the sending.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="226"/>
        <source>网站：%1&#x3000;小程序：%2（事件报告）&#x3000;公众号：%3（事件报告）</source>
        <translation>Website: %1   Mini-program: %2 (事件报告)   WeChat account: %3 (事件报告)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="230"/>
        <source>全部复制</source>
        <translation>Copy all</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="231"/>
        <source>复制网址</source>
        <translation>Copy web address</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="233"/>
        <source>按《办法》第七条的顺序逐项复制、粘贴到表单中（纯文本，不含格式）。</source>
        <translation>Copy each item into the form in the order of Art. 7 of the Measures (plain text, no formatting). The fields are in Chinese, as they are reported.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="245"/>
        <source>导出日历（.ics）…</source>
        <translation>Export calendar (.ics)…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="247"/>
        <source>日历文件可导入 Outlook、Thunderbird、WPS 日历，每项事先提醒。</source>
        <translation>The calendar file imports into Outlook, Thunderbird and WPS calendars, with a reminder before each item.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="278"/>
        <location filename="../../composer/gui/channels.py" line="281"/>
        <source>报告还有问题，请先按提示修改。</source>
        <translation>The report still has problems; fix them as shown first.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="286"/>
        <source>朗读约 %1 字，约 %2 分钟（按每分钟 %3 字计）。</source>
        <translation>About %1 characters to read aloud, about %2 minutes (at %3 characters a minute).</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="333"/>
        <location filename="../../composer/gui/channels.py" line="335"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="357"/>
        <source>本事件尚未记录报送。记录报送后，这里列出需补报的事项、续报和总结报告的时限。</source>
        <translation>No sending of this incident has been recorded yet. Once one is, the items to supplement, follow-ups and the summary report deadline are listed here.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="362"/>
        <source>本事件已报送总结报告，没有待办事项。</source>
        <translation>The summary report of this incident has been sent: nothing is owed.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="372"/>
        <source>截止 %1（北京时间），</source>
        <translation>Due %1 (Beijing time), </translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="373"/>
        <source>还剩 %1 天 %2 小时</source>
        <translation>%1 days %2 hours left</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="375"/>
        <source>已逾期</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="96"/>
        <source>12387 热线（演练）</source>
        <translation>12387 hotline (drill)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="307"/>
        <source>演练传真：</source>
        <translation>Drill fax: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="308"/>
        <source>演练传真：未填写——封面不写收件传真号码。</source>
        <translation>Drill fax: none given — the cover names no fax number to send to.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="305"/>
        <source>演练收件邮箱：</source>
        <translation>Drill e-mail recipients: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="306"/>
        <source>演练收件邮箱：未填写——邮件草稿没有收件人，打开后自行填写参加演练的人员。</source>
        <translation>Drill e-mail recipients: none given — the e-mail draft has no recipient; add the drill&apos;s participants after opening it.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="175"/>
        <source>演练：传真件每页标有“演练”，封面写明“演练材料&#x3000;请勿发送”，不发往受理平台。</source>
        <translation>Drill: every page of the fax set is marked 演练 (drill) and the cover reads “drill material — do not send”; it is never sent to the intake.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="223"/>
        <source>演练：请勿在受理平台的网站、小程序或公众号提交演练材料；复制的内容第一项开头写明“演练”。</source>
        <translation>Drill: never submit drill material on the intake&apos;s website, mini-program or WeChat account; the copied text says 演练 (drill) at the start of item 1.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="197"/>
        <source>演练：请勿拨打 %1。向扮演受理方的演练人员朗读下面的电话稿，开头先说明“这是演练”。</source>
        <translation>Drill: do not call %1. Read the script below to the participant playing the intake, starting with “this is a drill” (这是演练).</translation>
    </message>
    <message>
        <location filename="../../composer/gui/channels.py" line="151"/>
        <source>演练：邮件草稿只发给演练收件邮箱（在上方演练横幅中填写），不发往受理平台。</source>
        <translation>Drill: the e-mail draft goes only to the drill recipients (entered in the drill banner above), never to the intake.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../composer/gui/conflict_dialog.py" line="45"/>
        <source>报告已在另一窗口中修改</source>
        <translation>The report was changed in another window</translation>
    </message>
    <message>
        <location filename="../../composer/gui/conflict_dialog.py" line="50"/>
        <source>报告 #%1 在本窗口打开后，已由另一个窗口保存过。为免覆盖对方的修改，本次没有保存。两个版本的不同之处如下；本窗口的内容都还在。</source>
        <translation>Report #%1 was saved by another window after it was opened here. To avoid overwriting those changes, nothing was saved this time. The two versions differ as listed below; everything in this window is still here.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/conflict_dialog.py" line="57"/>
        <source>两个版本的不同之处</source>
        <translation>Differences between the two versions</translation>
    </message>
    <message>
        <location filename="../../composer/gui/conflict_dialog.py" line="58"/>
        <source>内容</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../composer/gui/conflict_dialog.py" line="58"/>
        <source>另一窗口保存的版本</source>
        <translation>Version saved by the other window</translation>
    </message>
    <message>
        <location filename="../../composer/gui/conflict_dialog.py" line="59"/>
        <source>本窗口的版本</source>
        <translation>Version in this window</translation>
    </message>
    <message>
        <location filename="../../composer/gui/conflict_dialog.py" line="70"/>
        <source>保留本窗口的版本</source>
        <translation>Keep this window’s version</translation>
    </message>
    <message>
        <location filename="../../composer/gui/conflict_dialog.py" line="72"/>
        <source>另存本窗口的版本…</source>
        <translation>Save this window’s version as…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/conflict_dialog.py" line="74"/>
        <source>稍后决定</source>
        <translation>Decide later</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <location filename="../../composer/gui/damaged_dialog.py" line="35"/>
        <source>草稿数据库已损坏</source>
        <translation>The drafts database is damaged</translation>
    </message>
    <message>
        <location filename="../../composer/gui/damaged_dialog.py" line="39"/>
        <source>草稿数据库文件已损坏，部分内容无法读取：
%1

数据库：%2</source>
        <translation>The drafts database file is damaged; part of it cannot be read:
%1

Database: %2</translation>
    </message>
    <message>
        <location filename="../../composer/gui/damaged_dialog.py" line="44"/>
        <source>已在旁边保留一份损坏文件的副本：%1</source>
        <translation>A copy of the damaged file was kept beside it: %1</translation>
    </message>
    <message>
        <location filename="../../composer/gui/damaged_dialog.py" line="46"/>
        <source>无法保留损坏文件的副本；请先手工复制上面的数据库文件。</source>
        <translation>No copy of the damaged file could be kept; copy the database file above by hand first.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/damaged_dialog.py" line="50"/>
        <source>仍可读取的报告和草稿（%1 份）：</source>
        <translation>Reports and drafts that can still be read (%1):</translation>
    </message>
    <message>
        <location filename="../../composer/gui/damaged_dialog.py" line="54"/>
        <source>仍可读取的报告和草稿</source>
        <translation>Reports and drafts that can still be read</translation>
    </message>
    <message>
        <location filename="../../composer/gui/damaged_dialog.py" line="60"/>
        <source>“重新开始”：用仍可读取的全部内容（报告、单位信息、设置、报送记录）新建数据库，替换损坏的文件；副本保留不动。
“继续使用”：打开损坏的数据库，无法读取的内容会跳过并提示，保存可能失败。</source>
        <translation>“Start afresh”: build a new database from everything that can still be read (reports, organisation profile, settings, sending record) in place of the damaged file; the copy stays untouched.
“Continue”: open the damaged database; what cannot be read is skipped and named, and saving may fail.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/damaged_dialog.py" line="67"/>
        <source>重新开始</source>
        <translation>Start afresh</translation>
    </message>
    <message>
        <location filename="../../composer/gui/damaged_dialog.py" line="71"/>
        <source>继续使用</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../composer/gui/damaged_dialog.py" line="75"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../composer/gui/damaged_dialog.py" line="57"/>
        <source>（未命名）</source>
        <translation>(untitled)</translation>
    </message>
</context>
<context>
    <name>DeadlineHeader</name>
    <message>
        <location filename="../../composer/gui/header.py" line="103"/>
        <source>报告时限</source>
        <translation>Reporting deadline</translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="135"/>
        <source>定级：填写中</source>
        <translation>Level: in progress</translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="138"/>
        <source>定级：</source>
        <translation>Level: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="181"/>
        <location filename="../../composer/gui/header.py" line="232"/>
        <source>已报送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="196"/>
        <source>填写完报告单位和事件基本情况后显示报告时限</source>
        <translation>The deadline appears once the organisation and basic facts are filled in</translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="197"/>
        <source>无限期事项</source>
        <translation>No dated obligation</translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="212"/>
        <source>已超时 %1</source>
        <translation>OVERDUE by %1</translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="214"/>
        <source>即将到期，剩余 %1</source>
        <translation>Due soon, %1 left</translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="216"/>
        <source>剩余 %1</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="188"/>
        <source>发现时间 %1 晚于当前时间，请核对：报告时限从实际发现时间起算，可能已经很紧迫。</source>
        <translation>The discovery time %1 is later than now — please check it: the deadline runs from the real discovery time and may be close.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="191"/>
        <source>时间存疑</source>
        <translation>Time in question</translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="168"/>
        <source>向公安机关报案：涉嫌违法犯罪，应及时报案（尚未报案）</source>
        <translation>Report the suspected crime to the police: promptly (not reported yet)</translation>
    </message>
</context>
<context>
    <name>DesktopOpen</name>
    <message>
        <location filename="../../composer/gui/desktop_open.py" line="29"/>
        <source>无法打开文件夹</source>
        <translation>Cannot open the folder</translation>
    </message>
    <message>
        <location filename="../../composer/gui/desktop_open.py" line="30"/>
        <source>本机没有登记打开文件夹的程序（文件管理器），所以文件夹没有打开。请用文件管理器找到下面的文件夹；信息技术人员可运行 composer-cli doctor 检查本机设置。</source>
        <translation>No program (file manager) is registered on this computer to open folders, so the folder did not open. Find the folder below with a file manager; IT staff can run composer-cli doctor to check this computer.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/desktop_open.py" line="32"/>
        <source>系统没能打开这个文件夹。请用文件管理器找到它：</source>
        <translation>The system could not open this folder. Find it with a file manager:</translation>
    </message>
    <message>
        <location filename="../../composer/gui/desktop_open.py" line="34"/>
        <source>无法打开邮件客户端</source>
        <translation>Cannot open the mail client</translation>
    </message>
    <message>
        <location filename="../../composer/gui/desktop_open.py" line="35"/>
        <source>本机没有登记打开电子邮件草稿（.eml 文件）的程序，所以邮件客户端没有打开。请把邮件客户端（如 Foxmail、Thunderbird、Outlook）设为 .eml 文件的默认程序（信息技术人员可运行 composer-cli doctor 检查）；或在邮件客户端中打开这个文件，也可以新建邮件并附上报告 PDF。邮件草稿位于：</source>
        <translation>No program is registered on this computer to open e-mail drafts (.eml files), so no mail client opened. Make a mail client (such as Foxmail, Thunderbird or Outlook) the default program for .eml files (IT staff can run composer-cli doctor to check); or open this file in the mail client, or write a new e-mail with the report PDF attached. The e-mail draft is at:</translation>
    </message>
    <message>
        <location filename="../../composer/gui/desktop_open.py" line="39"/>
        <source>没有可以打开邮件草稿的程序。请在邮件客户端中打开这个文件，或新建邮件并附上报告：</source>
        <translation>No program could open the e-mail draft. Open this file in your mail client, or write a new e-mail and attach the report:</translation>
    </message>
    <message>
        <location filename="../../composer/gui/desktop_open.py" line="41"/>
        <source>无法打开文件</source>
        <translation>Cannot open the file</translation>
    </message>
    <message>
        <location filename="../../composer/gui/desktop_open.py" line="42"/>
        <source>本机没有登记打开这类文件的程序。请安装可以打开它的程序；文件位于：</source>
        <translation>No program is registered on this computer to open this kind of file. Install one that can; the file is at:</translation>
    </message>
    <message>
        <location filename="../../composer/gui/desktop_open.py" line="43"/>
        <source>系统没能打开这个文件。文件位于：</source>
        <translation>The system could not open this file. It is at:</translation>
    </message>
</context>
<context>
    <name>DoctorDialog</name>
    <message>
        <location filename="../../composer/gui/doctor_dialog.py" line="52"/>
        <source>运行环境检查</source>
        <translation>Workstation diagnostics</translation>
    </message>
    <message>
        <location filename="../../composer/gui/doctor_dialog.py" line="117"/>
        <source>发现 %1 个问题，请把下面的报告交给信息技术人员。</source>
        <translation>%1 problem(s) found. Please pass the report below to your IT staff.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/doctor_dialog.py" line="120"/>
        <source>一切正常。</source>
        <translation>All is well.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/doctor_dialog.py" line="67"/>
        <source>复制报告</source>
        <translation>Copy report</translation>
    </message>
    <message>
        <location filename="../../composer/gui/doctor_dialog.py" line="109"/>
        <source>正在检查…（%1/%2）</source>
        <translation>Checking… (%1/%2)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/doctor_dialog.py" line="115"/>
        <source>正在检查，结果逐项显示在下面…</source>
        <translation>Checking; the results appear below one by one…</translation>
    </message>
</context>
<context>
    <name>DrillBanner</name>
    <message>
        <location filename="../../composer/gui/drill_banner.py" line="46"/>
        <source>演练模式：本报告为演练材料，不会报送受理平台</source>
        <translation>Drill mode: this report is drill material and is never sent to the intake</translation>
    </message>
    <message>
        <location filename="../../composer/gui/drill_banner.py" line="60"/>
        <source>参加演练人员的邮箱，多个用逗号分隔（可不填）</source>
        <translation>Addresses of the drill&apos;s participants, separated by commas (optional)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/drill_banner.py" line="65"/>
        <source>演练传真号码</source>
        <translation>Drill fax number</translation>
    </message>
    <message>
        <location filename="../../composer/gui/drill_banner.py" line="66"/>
        <location filename="../../composer/gui/drill_banner.py" line="114"/>
        <source>演练传真：</source>
        <translation>Drill fax:</translation>
    </message>
    <message>
        <location filename="../../composer/gui/drill_banner.py" line="61"/>
        <source>演练收件邮箱</source>
        <translation>Drill e-mail recipients</translation>
    </message>
    <message>
        <location filename="../../composer/gui/drill_banner.py" line="110"/>
        <source>演练收件邮箱第 %1 个：</source>
        <translation>Drill e-mail recipient %1: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/drill_banner.py" line="66"/>
        <location filename="../../composer/gui/drill_banner.py" line="113"/>
        <source>演练收件邮箱：</source>
        <translation>Drill e-mail recipients:</translation>
    </message>
    <message>
        <location filename="../../composer/gui/drill_banner.py" line="64"/>
        <source>可不填</source>
        <translation>optional</translation>
    </message>
</context>
<context>
    <name>EditorGuard</name>
    <message>
        <location filename="../../composer/gui/editing.py" line="138"/>
        <source>接管编辑</source>
        <translation>Take over editing</translation>
    </message>
    <message>
        <location filename="../../composer/gui/editing.py" line="156"/>
        <source>进程 %1</source>
        <translation>process %1</translation>
    </message>
    <message>
        <location filename="../../composer/gui/editing.py" line="158"/>
        <source>，计算机 %1</source>
        <translation>, computer %1</translation>
    </message>
    <message>
        <location filename="../../composer/gui/editing.py" line="159"/>
        <source>此报告正在另一个窗口中编辑：“%1”（%2，%3 起）。为免互相覆盖，本窗口只读。</source>
        <translation>This report is being edited in another window: “%1” (%2, since %3). So that neither overwrites the other, this window is read-only.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/editing.py" line="160"/>
        <source>未命名窗口</source>
        <translation>untitled window</translation>
    </message>
    <message>
        <location filename="../../composer/gui/editing.py" line="163"/>
        <source>该窗口已不再编辑此报告（已关闭或已退出），可以接管编辑。</source>
        <translation> That window no longer edits this report (it was closed or has quit): you can take over.</translation>
    </message>
</context>
<context>
    <name>FormRows</name>
    <message>
        <location filename="../../composer/gui/page_forms.py" line="146"/>
        <source>未知则留空</source>
        <translation>Leave empty if unknown</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_forms.py" line="183"/>
        <source>已知</source>
        <translation>Known</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_forms.py" line="183"/>
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
</context>
<context>
    <name>GradingPage</name>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="38"/>
        <source>定级结果</source>
        <translation>Grading result</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="39"/>
        <source>按《网络安全事件分级指南》：取各项标准所达到的最高级别。</source>
        <translation>Under the Incident Grading Guide: the highest level any criterion reaches.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="43"/>
        <source>事件级别</source>
        <translation>Incident level</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="46"/>
        <source>定级依据</source>
        <translation>Basis of the level</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="48"/>
        <source>可能提高定级的未知事实</source>
        <translation>Unknown facts that could raise the level</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="85"/>
        <source>无法定级：前面的步骤还有问题。</source>
        <translation>Cannot grade yet: earlier steps still have problems.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="92"/>
        <source>事件级别：</source>
        <translation>Incident level: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="101"/>
        <source>较大及以上事件，须按《办法》第四条在时限内报告。</source>
        <translation>Relatively major or above: must be reported within the time limit (Measures art. 4).</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="102"/>
        <source>一般事件：不属于《办法》第四条必须报告的情形；如有需要仍可自愿报告。</source>
        <translation>General incident: not mandatory under art. 4; a voluntary report is still possible.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="105"/>
        <source>定级依据：</source>
        <translation>Basis:</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="112"/>
        <source>没有达到较大及以上级别的标准。</source>
        <translation>No criterion for relatively major or above is met.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="117"/>
        <source>以下事实尚未填写，可能提高定级（可返回“影响事实”补充）：</source>
        <translation>These facts are unknown and could raise the level (go back to Impact facts to add them):</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="119"/>
        <source>最高可达</source>
        <translation>up to </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="130"/>
        <source>仅按已核实的标准，定级为“%1”。</source>
        <translation>On confirmed criteria alone, the level is “%1”.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="131"/>
        <source>我已对照原文核对，确认定级为“%1”</source>
        <translation>I have checked the original text and confirm the level &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="166"/>
        <source>请确认定级后继续。</source>
        <translation>Confirm the level to continue.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="127"/>
        <source>该级别所依据的数值仅见于一份逐字转载的正式文本，尚无第二来源印证。请对照《网络安全事件分级指南》原文核对后确认。</source>
        <translation>The numbers this level rests on are final text known from one verbatim reprint only, with no second source. Check them against the Incident Grading Guide, then confirm.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="156"/>
        <source>定级依据原文</source>
        <translation>Original text the level rests on</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="162"/>
        <source>请对照原文</source>
        <translation>Check against the original text</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="96"/>
        <source>级别待研判：已填写的事实未达到较大以上标准，但下列事实尚未填写，可能达到较大以上。如为较大以上事件，须按《办法》第四条在时限内报告。请返回“影响事实”填写，或勾选“其余影响均不涉及”。</source>
        <translation>Level not yet settled: the facts given reach no level above general, but the facts below are not given and could reach relatively major or above. If it proves relatively major or above, it must be reported within the Art. 4 time limit. Go back to “Impact facts” to enter them, or tick “Nothing else applies”.</translation>
    </message>
</context>
<context>
    <name>GuideLinks</name>
    <message>
        <location filename="../../composer/gui/guide_links.py" line="77"/>
        <source>法规原文</source>
        <translation>Original text</translation>
    </message>
    <message>
        <location filename="../../composer/gui/guide_links.py" line="80"/>
        <source>点击查看法规原文（随程序提供，无需联网）</source>
        <translation>Click to read the original legal text (bundled, no network needed)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/guide_links.py" line="81"/>
        <source>法规原文链接</source>
        <translation>Links to the original legal text</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <location filename="../../composer/gui/guide_view.py" line="167"/>
        <location filename="../../composer/gui/guide_view.py" line="172"/>
        <source>法规原文</source>
        <translation>Original legal text</translation>
    </message>
    <message>
        <location filename="../../composer/gui/guide_view.py" line="182"/>
        <source>查找(&amp;F)：</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <location filename="../../composer/gui/guide_view.py" line="183"/>
        <source>输入要查找的文字</source>
        <translation>Text to find (Chinese or English)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/guide_view.py" line="184"/>
        <source>上一个</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../composer/gui/guide_view.py" line="185"/>
        <source>上一个 (Shift+Enter, Shift+F3)</source>
        <translation>Previous (Shift+Enter, Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/guide_view.py" line="186"/>
        <source>下一个</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../composer/gui/guide_view.py" line="187"/>
        <source>下一个 (Enter, F3)</source>
        <translation>Next (Enter, F3)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/guide_view.py" line="188"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../composer/gui/guide_view.py" line="189"/>
        <source>关闭查找 (Esc)</source>
        <translation>Close the find bar (Esc)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/guide_view.py" line="198"/>
        <source>非官方翻译：</source>
        <translation>Unofficial translation: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/guide_view.py" line="207"/>
        <source>没有找到条目：</source>
        <translation>No such item: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/guide_view.py" line="320"/>
        <source>无匹配</source>
        <translation>No matches</translation>
    </message>
    <message>
        <location filename="../../composer/gui/guide_view.py" line="322"/>
        <source>第 %1/%2 处</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../../composer/gui/guide_view.py" line="233"/>
        <source>已定位并以黄色标出：</source>
        <translation>Shown and highlighted in yellow: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/guide_view.py" line="173"/>
        <source>跳转到(&amp;J)：</source>
        <translation>&amp;Jump to:</translation>
    </message>
    <message>
        <location filename="../../composer/gui/guide_view.py" line="169"/>
        <source>《办法》及附件《分级指南》全文：国家互联网信息办公室2025年9月11日公布，2025年11月1日起施行。逐字录自注明来源为“网信中国”的转载；随程序提供，无需联网。</source>
        <translation>The full Chinese text of the Measures and the annexed Grading Guide, published by the Cyberspace Administration of China on 11 September 2025, in force since 1 November 2025, transcribed verbatim from a reprint citing the CAC&apos;s own channel (网信中国); bundled with the app, no network needed.</translation>
    </message>
</context>
<context>
    <name>HandlingPage</name>
    <message>
        <source>依法报告及处置情况（《办法》第十一条）</source>
        <translation>Reporting and handling under the law (Measures Art. 11)</translation>
    </message>
    <message>
        <source>报告的报送情况（时限、报送时间、是否按时）由报送记录自动列出。以下各项可不填，填写的才写入总结报告。</source>
        <translation>The reports sent (deadline, time sent, on time or not) are listed from the sending record. The items below are optional; only what is filled in goes into the summary report.</translation>
    </message>
    <message>
        <source>事发前已采取的防护措施</source>
        <translation>Protective measures in place before the incident</translation>
    </message>
    <message>
        <source>按应急预案处置情况</source>
        <translation>Handling under the emergency plan</translation>
    </message>
    <message>
        <source>是否按应急预案处置，按哪一预案</source>
        <translation>Whether it was handled under the emergency plan, and which plan</translation>
    </message>
    <message>
        <source>有效减轻危害的情况</source>
        <translation>What effectively reduced the harm</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="20"/>
        <source>处置与分析</source>
        <translation>Handling and analysis</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="21"/>
        <source>《办法》第七条第（三）至（八）项。暂时无法判定的可以留空，稍后续报补充。</source>
        <translation>Measures art. 7 items 3–8. Leave empty what cannot be determined yet and supplement it later.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="26"/>
        <source>事态发展趋势及可能造成的影响</source>
        <translation>Likely development and further impact</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="27"/>
        <source>初步原因分析</source>
        <translation>Preliminary cause</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="28"/>
        <source>调查线索</source>
        <translation>Leads for investigation</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="29"/>
        <source>可能的攻击者信息、攻击路径、利用的漏洞等</source>
        <translation>Possible attacker, attack path, vulnerabilities exploited…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="30"/>
        <source>拟采取的下一步措施</source>
        <translation>Further measures planned</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="31"/>
        <source>需要的支持</source>
        <translation>Support requested</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="32"/>
        <source>现场保护情况</source>
        <translation>Scene (evidence) preservation</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="33"/>
        <source>其他应报告的情况</source>
        <translation>Anything else to report</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="34"/>
        <source>事件处置总结（《办法》第八条）</source>
        <translation>Summary of the handling (Measures art. 8)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="37"/>
        <source>责任处理情况</source>
        <translation>Accountability</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="38"/>
        <source>整改落实情况</source>
        <translation>Remediation done</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="39"/>
        <source>经验教训</source>
        <translation>Lessons learned</translation>
    </message>
</context>
<context>
    <name>ImpactPage</name>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="37"/>
        <source>影响事实</source>
        <translation>Impact facts</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="38"/>
        <source>按《网络安全事件分级指南》定级所需的事实。不知道的留空；“以上”含本数。</source>
        <translation>The facts the Incident Grading Guide reads. Leave unknown facts empty; &quot;or more&quot; includes the threshold.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="46"/>
        <source>小时，可填小数（0.5 = 30 分钟）</source>
        <translation>hours, decimals allowed (0.5 = 30 minutes)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="47"/>
        <source>中断与影响范围</source>
        <translation>Outages and reach</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="49"/>
        <source>关键信息基础设施整体中断（小时）</source>
        <translation>CII total outage (hours)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="52"/>
        <source>关键信息基础设施主要功能中断（小时）</source>
        <translation>CII main functions outage (hours)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="54"/>
        <location filename="../../composer/gui/page_impact.py" line="64"/>
        <location filename="../../composer/gui/page_impact.py" line="79"/>
        <source>（不涉及）</source>
        <translation>(not affected)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="55"/>
        <source>省级以上党政机关门户网站</source>
        <translation>Provincial-or-above government portal</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="56"/>
        <source>地市级党政机关门户网站</source>
        <translation>Prefecture-level government portal</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="58"/>
        <source>中央重点新闻网站</source>
        <translation>Central key news website</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="61"/>
        <source>无法访问的网站</source>
        <translation>Unreachable website</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="62"/>
        <source>无法访问时长（小时）</source>
        <translation>Unreachable for (hours)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="64"/>
        <source>省级行政区</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="65"/>
        <source>地市级行政区</source>
        <translation>Prefecture</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="66"/>
        <source>人口受影响的地区级别</source>
        <translation>Region level of affected population</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="68"/>
        <source>受影响人口比例（%）</source>
        <translation>Share of population affected (%)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="71"/>
        <source>水电气油、交通、医疗等受影响人数</source>
        <translation>People whose utilities, transport, medical care… are affected</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="73"/>
        <source>个人信息泄露人数</source>
        <translation>People whose personal information leaked</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="75"/>
        <source>直接经济损失（元）</source>
        <translation>Direct economic loss (yuan)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="77"/>
        <source>网页篡改、传播违法有害信息</source>
        <translation>Defacement, spread of illegal or harmful content</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="88"/>
        <source>被篡改的网站</source>
        <translation>Defaced website</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="92"/>
        <source>首页展示时长（小时）</source>
        <translation>Shown on the homepage for (hours)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="94"/>
        <source>其他页面展示时长（小时）</source>
        <translation>Shown on other pages for (hours)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="96"/>
        <source>社交平台转发次数</source>
        <translation>Social media reposts</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="97"/>
        <source>浏览或点击次数</source>
        <translation>Views or clicks</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="98"/>
        <source>（未认定）</source>
        <translation>(no ruling)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="99"/>
        <source>特大范围</source>
        <translation>Especially large scale</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="99"/>
        <source>大范围</source>
        <translation>Large scale</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="100"/>
        <source>较大范围</source>
        <translation>Relatively large scale</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="102"/>
        <source>省级以上网信部门或公安机关认定的传播范围</source>
        <translation>Spread scale ruled by a provincial-or-above CAC or police body</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="103"/>
        <source>研判（由您判断）</source>
        <translation>Judgements (yours)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="104"/>
        <source>（不适用或未知）</source>
        <translation>(not applicable or unknown)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="107"/>
        <source>数据泄露等对国家安全和社会稳定的威胁</source>
        <translation>Threat of a data leak etc. to national security and social stability</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="112"/>
        <source>重要网络和信息系统损失</source>
        <translation>Loss to important networks and systems</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="118"/>
        <source>其他威胁或影响</source>
        <translation>Other threat or impact</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="139"/>
        <source>当前定级：请先修正下方标出的问题。</source>
        <translation>Level: fix the problems marked below first.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="142"/>
        <source>按目前填写的事实，定级为：</source>
        <translation>With the facts so far, the level is: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="57"/>
        <source>地市级以上企事业单位门户网站</source>
        <translation>Enterprise or public-institution portal (prefecture level or above)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="59"/>
        <source>省级重点新闻网站</source>
        <translation>Provincial key news website</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="60"/>
        <source>其他网站（《指南》未列举，如县级门户网站）</source>
        <translation>Other website (not named by the Guide, e.g. a county portal)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="80"/>
        <source>特别重大所列：省级以上党政机关门户网站</source>
        <translation>Listed at especially major: provincial-or-above Party/government portal</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="81"/>
        <source>特别重大所列：中央重点新闻网站</source>
        <translation>Listed at especially major: central key news website</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="82"/>
        <source>特别重大所列：超大型网络平台</source>
        <translation>Listed at especially major: super-large platform</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="83"/>
        <source>重大所列：地市级党政机关门户网站</source>
        <translation>Listed at major: prefecture-level Party/government portal</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="84"/>
        <source>重大所列：地市级以上企事业单位门户网站</source>
        <translation>Listed at major: enterprise or public-institution portal (prefecture level or above)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="85"/>
        <source>重大所列：省级重点新闻网站</source>
        <translation>Listed at major: provincial key news website</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="86"/>
        <source>重大所列：大型网络平台</source>
        <translation>Listed at major: large platform</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="87"/>
        <source>较大所列：其他门户网站、新闻网站或网络平台</source>
        <translation>Listed at relatively major: any other portal, news website or platform</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="89"/>
        <source>网站所在的级别限定传播数据最高可定的级别；省级以上网信部门、公安机关的认定按认定结论。</source>
        <translation>The level whose list names the site caps what the spread figures can give; a ruling by a provincial-or-above CAC office or police body stands as ruled.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="108"/>
        <source>特别严重威胁（特别重大）</source>
        <translation>Especially serious threat (especially major)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="109"/>
        <source>严重威胁（重大）</source>
        <translation>Serious threat (major)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="110"/>
        <source>较严重威胁（较大）</source>
        <translation>Relatively serious threat (relatively major)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="114"/>
        <source>特别严重的系统损失（特别重大）</source>
        <translation>Especially serious system losses (especially major)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="115"/>
        <source>严重的系统损失（重大）</source>
        <translation>Serious system losses (major)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="116"/>
        <source>较大的系统损失（较大）</source>
        <translation>Relatively large system losses (relatively major)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="120"/>
        <source>特别严重威胁、特别严重影响（特别重大）</source>
        <translation>Especially serious threat or impact (especially major)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="121"/>
        <source>严重威胁、严重影响（重大）</source>
        <translation>Serious threat or impact (major)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="122"/>
        <source>较严重威胁、较严重影响（较大）</source>
        <translation>Relatively serious threat or impact (relatively major)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="124"/>
        <source>研判结论</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="126"/>
        <source>未填写的影响</source>
        <translation>Impact not given</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="126"/>
        <source>其余影响均不涉及</source>
        <translation>Nothing else applies</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="127"/>
        <source>勾选表示：除本页已填写的事实外，其余影响均不涉及。报告中将写明这一点。</source>
        <translation>Tick to state that no impact applies beyond the facts given on this page. The report says so.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="145"/>
        <source>尚未填写的事实可能达到较大以上。请填写（0 也算已知），或在本页末尾勾选“其余影响均不涉及”。</source>
        <translation>Facts not given yet could reach relatively major or above. Enter them (0 counts as known), or tick “Nothing else applies” at the end of this page.</translation>
    </message>
</context>
<context>
    <name>LazyPagesView</name>
    <message>
        <location filename="../../composer/gui/print_view.py" line="60"/>
        <location filename="../../composer/gui/print_view.py" line="166"/>
        <source>第 %1 页</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <location filename="../../composer/gui/print_view.py" line="157"/>
        <source>无法显示：</source>
        <translation>Cannot show: </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>报送记录(&amp;R)</source>
        <translation>&amp;Records</translation>
    </message>
    <message>
        <source>导出台账(&amp;X)…</source>
        <translation>E&amp;xport ledger…</translation>
    </message>
    <message>
        <source>演练报告(&amp;D)…</source>
        <translation>&amp;Drill report…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="124"/>
        <source>草稿自动保存</source>
        <translation>Drafts are saved automatically</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="132"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="134"/>
        <source>新建报告(&amp;N)</source>
        <translation>&amp;New report</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="138"/>
        <source>报告列表(&amp;L)…</source>
        <translation>Report &amp;list…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="140"/>
        <source>打开事件文件(&amp;O)…</source>
        <translation>&amp;Open incident file…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="142"/>
        <source>立即保存(&amp;S)</source>
        <translation>&amp;Save now</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="147"/>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="149"/>
        <source>语言(&amp;G)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="263"/>
        <location filename="../../composer/gui/mainwindow.py" line="266"/>
        <location filename="../../composer/gui/mainwindow.py" line="269"/>
        <location filename="../../composer/gui/mainwindow.py" line="272"/>
        <source>无法打开文件</source>
        <translation>Cannot open the file</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="272"/>
        <source>不是事件文件。</source>
        <translation>Not an incident file.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="278"/>
        <source>文件中有无法识别的字段</source>
        <translation>Unrecognised fields in the file</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="279"/>
        <source>以下字段无法识别（可能是拼写错误），没有载入；原文件未改动：</source>
        <translation>These fields are not recognised (perhaps misspelt) and were not loaded; the file itself is unchanged:</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="281"/>
        <source>……另有 %1 个</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="289"/>
        <source>打开事件文件</source>
        <translation>Open incident file</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="290"/>
        <source>事件文件 (*.json)</source>
        <translation>Incident files (*.json)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="156"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="159"/>
        <source>运行环境检查(&amp;D)…</source>
        <translation>Workstation &amp;Diagnostics…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="157"/>
        <source>法规原文(&amp;R)</source>
        <translation>Original &amp;legal text</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="191"/>
        <location filename="../../composer/gui/mainwindow.py" line="195"/>
        <source>新报告</source>
        <translation>New report</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="144"/>
        <source>导出报送记录(&amp;E)…</source>
        <translation>&amp;Export sending record…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="237"/>
        <location filename="../../composer/gui/mainwindow.py" line="240"/>
        <source>无法打开草稿</source>
        <translation>Cannot open the draft</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="312"/>
        <source>报告 %1 已保存，可在“文件 → 报告列表”中再次打开。</source>
        <translation>Report %1 is saved; open it again from File → Report list.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="314"/>
        <source>报送后请在本页点击“记录已报送…”，留存报送记录（时间、渠道、受理编号）。</source>
        <translation>Once it is sent, click “Record sending…” on this page to keep the record (time, channel, reference number).</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="316"/>
        <source>报告已保存</source>
        <translation>Report saved</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="320"/>
        <source>新建报告</source>
        <translation>New report</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="327"/>
        <source>报告已保存：</source>
        <translation>Report saved: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="136"/>
        <source>新建演练(&amp;D)</source>
        <translation>New &amp;drill</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="270"/>
        <source>（未命名）</source>
        <translation>(untitled)</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../composer/gui/operations.py" line="298"/>
        <source>正在生成传真件：第 %1 页，共 %2 页</source>
        <translation>Making the fax set: page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../composer/gui/operations.py" line="301"/>
        <source>正在生成 PDF 报告…</source>
        <translation>Making the PDF report…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/operations.py" line="303"/>
        <source>正在生成电子邮件草稿…</source>
        <translation>Making the email draft…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/operations.py" line="305"/>
        <source>正在生成传真件…</source>
        <translation>Making the fax set…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/operations.py" line="307"/>
        <source>正在写入文件…</source>
        <translation>Writing the files…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/operations.py" line="202"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OutputActions</name>
    <message>
        <location filename="../../composer/gui/output.py" line="86"/>
        <source>已记录报送</source>
        <translation>Sending recorded</translation>
    </message>
    <message>
        <location filename="../../composer/gui/output.py" line="106"/>
        <source>选择保存材料包的文件夹</source>
        <translation>Choose a folder for the package</translation>
    </message>
    <message>
        <location filename="../../composer/gui/output.py" line="113"/>
        <source>选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <location filename="../../composer/gui/output.py" line="141"/>
        <source>无法生成</source>
        <translation>Cannot generate</translation>
    </message>
    <message>
        <location filename="../../composer/gui/output.py" line="141"/>
        <source>报告还有问题。</source>
        <translation>The report still has problems.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/output.py" line="160"/>
        <source>材料包已生成：</source>
        <translation>Package written: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/output.py" line="163"/>
        <source>生成材料包失败</source>
        <translation>Writing the package failed</translation>
    </message>
    <message>
        <location filename="../../composer/gui/output.py" line="166"/>
        <source>正在生成材料包…</source>
        <translation>Writing the package…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/output.py" line="176"/>
        <source>无法打开文件夹</source>
        <translation>Cannot open the folder</translation>
    </message>
    <message>
        <location filename="../../composer/gui/output.py" line="177"/>
        <source>文件夹不存在（可能已被移动或删除）：</source>
        <translation>The folder does not exist (it may have been moved or deleted):</translation>
    </message>
    <message>
        <location filename="../../composer/gui/output.py" line="217"/>
        <source>无法导出</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <location filename="../../composer/gui/output.py" line="217"/>
        <source>报告还有问题，请先按提示修改。</source>
        <translation>The report still has problems; fix them as shown first.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/output.py" line="221"/>
        <source>导出事件文件</source>
        <translation>Export incident file</translation>
    </message>
    <message>
        <location filename="../../composer/gui/output.py" line="223"/>
        <source>事件文件 (*.json)</source>
        <translation>Incident files (*.json)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/output.py" line="234"/>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../composer/gui/output.py" line="281"/>
        <source>无法开始更正</source>
        <translation>Cannot start the correction</translation>
    </message>
    <message>
        <location filename="../../composer/gui/output.py" line="286"/>
        <source>已开始更正 #%1：改正有误的内容后重新报送。</source>
        <translation>Correction of #%1 started: fix what was wrong, then send it again.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="61"/>
        <source>预览与输出</source>
        <translation>Preview and output</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="62"/>
        <source>下面是将要报送的报告。生成的材料包含 PDF 报告、电子邮件草稿和传真件。</source>
        <translation>This is the report as it will be sent. The package holds the PDF report, an email draft and the fax set.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="79"/>
        <source>生成报送材料包…</source>
        <translation>Write package…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="82"/>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="85"/>
        <source>打印报告…</source>
        <translation>Print report…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="87"/>
        <source>打印传真件…</source>
        <translation>Print fax set…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="89"/>
        <source>导出事件文件…</source>
        <translation>Export incident file…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="91"/>
        <source>记录已报送…</source>
        <translation>Record sending…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="197"/>
        <source>报告还有问题，无法预览。</source>
        <translation>The report still has problems: no preview.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="200"/>
        <source>正在生成预览…</source>
        <translation>Rendering the preview…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="291"/>
        <source>无法生成预览：</source>
        <translation>Cannot render the preview: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="296"/>
        <source>材料包已生成：</source>
        <translation>Package written: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="125"/>
        <source>迟报原因</source>
        <translation>Reason for the delay</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="126"/>
        <source>例如：值班人员未及时发现告警，次日上班后才确认事件</source>
        <translation>e.g. the alert was missed overnight and confirmed next morning</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="269"/>
        <source>⚠ 以下字符无法用内置字体打印，在 PDF 和传真中会印成〔U+编码〕占位符，请改写：</source>
        <translation>⚠ The bundled fonts cannot print these characters; the PDF and the fax show a 〔U+code〕 placeholder instead. Please rewrite:</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="275"/>
        <source>⚠ 以下不可见字符已从所有输出（PDF、传真、电子邮件、电话稿、表单字段）中去除，分段符已改为换行：</source>
        <translation>⚠ These invisible characters are left out of every output (PDF, fax, e-mail, phone script, form fields); line and paragraph separators became line breaks:</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="279"/>
        <source>⚠ 联系人电子邮箱不能用作邮件草稿的发件人，草稿将不含发件人：</source>
        <translation>⚠ The contact e-mail cannot be the sender of the e-mail draft; the draft will have no sender:</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="248"/>
        <source>预览只显示前 %1 页（共 %2 页）；生成的 PDF 包含全部页面。</source>
        <translation>The preview shows the first %1 pages (of %2); the generated PDF has them all.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="149"/>
        <source>⚠ 已超过报告时限（%1）%2。报告、传真封面和电子邮件将如实说明迟报及其原因（迟报原因填写在下面）。</source>
        <translation>⚠ Past the reporting deadline (%1) by %2. The report, the fax cover and the e-mail state the delay and its reason (give the reason below).</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../composer/gui/printing.py" line="113"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/printing.py" line="117"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../composer/gui/printing.py" line="119"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../composer/gui/printing.py" line="121"/>
        <source>正在计算页数…</source>
        <translation>Counting the pages…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/printing.py" line="144"/>
        <source>无法显示：</source>
        <translation>Cannot show: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/printing.py" line="171"/>
        <source>第 %1 页，共 %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../composer/gui/printing.py" line="196"/>
        <location filename="../../composer/gui/printing.py" line="201"/>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/printing.py" line="211"/>
        <source>已打印 %1 页。</source>
        <translation>%1 pages printed.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/printing.py" line="213"/>
        <source>已取消打印，没有发送到打印机。</source>
        <translation>Printing cancelled: nothing was sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/printing.py" line="219"/>
        <source>无法打印：</source>
        <translation>Cannot print: </translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../composer/gui/printing.py" line="82"/>
        <source>正在打印：第 %1 页，共 %2 页</source>
        <translation>Printing page %1 of %2</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="34"/>
        <source>报告单位</source>
        <translation>Reporting organisation</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="35"/>
        <source>《办法》第七条第（一）项：报告单位名称。保存后，下次报告自动填入。</source>
        <translation>Measures art. 7 item 1: the reporting unit. Saved once, filled in for the next report.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="41"/>
        <source>单位名称</source>
        <translation>Organisation name</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="41"/>
        <source>营业执照上的全称</source>
        <translation>Full name as registered</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="42"/>
        <location filename="../../composer/gui/page_profile.py" line="74"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="44"/>
        <source>单位类型</source>
        <translation>Operator kind</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="45"/>
        <source>决定报告对象和时限：关键信息基础设施 1 小时；中央和国家机关 2 小时；其他 4 小时。</source>
        <translation>Decides recipients and limits: CII 1 hour; central/state organs 2 hours; others 4 hours.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="80"/>
        <source>所在省份</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="48"/>
        <source>保护工作部门</source>
        <translation>Protection department</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="51"/>
        <source>本部门网信工作机构</source>
        <translation>Department&apos;s cyberspace affairs body</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="52"/>
        <source>中央和国家机关及其直属单位必填。</source>
        <translation>Required for central/state organs and their units.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="53"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="54"/>
        <source>18 位，可不填</source>
        <translation>18 characters, optional</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="55"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="56"/>
        <source>联系人姓名</source>
        <translation>Contact name</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="57"/>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="58"/>
        <source>例如 010-66668888</source>
        <translation>e.g. 010-66668888</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="59"/>
        <source>电子邮箱</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="59"/>
        <source>可不填</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="62"/>
        <source>保存为本单位资料，下次报告自动填入</source>
        <translation>Remember as our organisation profile for the next report</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="122"/>
        <source>邮件草稿</source>
        <translation>E-mail draft</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="126"/>
        <source>同时发送给</source>
        <translation>Also send to</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="130"/>
        <source>本单位配置的其他收件人（如行业主管部门、单位安全负责人）。邮件草稿始终发往 %1。</source>
        <translation>Your organisation&apos;s other recipients (e.g. the sector regulator, your security officer). The draft always goes to %1.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="124"/>
        <source>可不填；多个地址用逗号分隔</source>
        <translation>Optional; separate addresses with commas</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="148"/>
        <source>不是有效的电子邮箱地址：</source>
        <translation>Not a valid e-mail address: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="49"/>
        <source>关键信息基础设施运营者必填。中央和国家机关运营关键信息基础设施的也填写（两条报告途径均列出）。</source>
        <translation>Required for CII operators. A central/state organ running CII fills it in too (both reporting routes are listed).</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="61"/>
        <source>报告字体</source>
        <translation>Report typefaces</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="81"/>
        <source>其他网络运营者必填：报告送属地省级网信部门（兵团单位：兵团网信办）。跨省经营的，选择事件发生地所在省份。</source>
        <translation>Required for other operators: the provincial CAC office receives the report (units of the Xinjiang Production and Construction Corps: the Corps&apos; office). Operating in several provinces: choose the province where the incident occurred.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="105"/>
        <source>“%1”（请从列表中选择）</source>
        <translation>“%1” (choose from the list)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="107"/>
        <source>⚠ “%1”不是省级行政区的名称：请从列表中选择所在省份，报告对象（省级网信部门）据此确定。</source>
        <translation>⚠ “%1” is not the name of a province-level region: choose the province from the list (it decides the provincial CAC office that receives the report).</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="127"/>
        <source>本单位配置的其他收件人（如行业主管部门、单位安全负责人）。演练的邮件草稿不发往受理平台，也不发往这些地址，只发给演练收件邮箱。</source>
        <translation>Your organisation&apos;s other recipients (e.g. the sector regulator, your security officer). A drill&apos;s e-mail draft goes neither to the intake nor to these, only to the drill recipients.</translation>
    </message>
</context>
<context>
    <name>RecipientsPage</name>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="64"/>
        <source>报告对象与时限</source>
        <translation>Recipients and deadlines</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="65"/>
        <source>截止时间 = 发现时间 + 时限（北京时间）。最早的一项决定顶部倒计时。</source>
        <translation>Due = discovery + time limit (Beijing time). The earliest drives the countdown at the top.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="72"/>
        <source>报告义务</source>
        <translation>Obligations</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="73"/>
        <source>事项</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="73"/>
        <source>报送对象</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="74"/>
        <source>截止时间</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="74"/>
        <source>时限</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="75"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="95"/>
        <source>官方报告渠道：</source>
        <translation>Official reporting channels:</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="96"/>
        <source>热线电话：</source>
        <translation>Hotline: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="96"/>
        <source>网站：</source>
        <translation>Website: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="97"/>
        <source>电子邮箱：</source>
        <translation>Email: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="97"/>
        <source>传真：</source>
        <translation>Fax: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="98"/>
        <source>微信小程序：</source>
        <translation>WeChat mini-program: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="99"/>
        <source>微信公众号：</source>
        <translation>WeChat account: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="104"/>
        <source>完整报告：继续填写处置与分析（第三至八项）</source>
        <translation>Full report: continue with handling and analysis (items 3–8)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="106"/>
        <source>快速报告：先报第一、二项，其余内容稍后及时补报（《办法》第七条第二款）</source>
        <translation>Fast report: items 1–2 now, the rest supplemented promptly (Measures art. 7 ¶2)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="157"/>
        <source>接报部门的上报时限（供参考，非本单位义务）：</source>
        <translation>Escalations by the receiving bodies (for information, not your duty):</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="162"/>
        <source>选择快速报告时，报告中将注明其余事项将及时补报。</source>
        <translation>With the fast report, the report states that the remaining items will follow promptly.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="169"/>
        <source>快速报告须具备第一、二项的全部内容：请返回“事件基本情况”填写以下各项，或勾选“暂不掌握”：</source>
        <translation>A fast report needs all of items 1–2: go back to “Basic facts” and fill in, or tick “not yet known” for: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="89"/>
        <source>报告时限</source>
        <translation>Reporting deadlines</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="120"/>
        <source>先行报告第一、二项</source>
        <translation>Reporting items 1–2 first</translation>
    </message>
</context>
<context>
    <name>Recording</name>
    <message>
        <location filename="../../composer/gui/recording.py" line="91"/>
        <source>无法记录报送</source>
        <translation>Cannot record the sending</translation>
    </message>
    <message>
        <location filename="../../composer/gui/recording.py" line="158"/>
        <source>草稿数据库无法写入（%1）</source>
        <translation>The drafts database cannot be written (%1)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/recording.py" line="163"/>
        <source>正在存档所报送的材料…</source>
        <translation>Keeping a copy of what was sent…</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../composer/gui/recovery_dialog.py" line="29"/>
        <source>恢复未保存的工作</source>
        <translation>Recover unsaved work</translation>
    </message>
    <message>
        <location filename="../../composer/gui/recovery_dialog.py" line="33"/>
        <source>程序上次没有正常退出。以下草稿在那之后有修改，已自动保存。要继续编辑哪一份？</source>
        <translation>Composer did not exit cleanly last time. These drafts changed since and were saved automatically. Which one do you want to continue?</translation>
    </message>
    <message>
        <location filename="../../composer/gui/recovery_dialog.py" line="39"/>
        <source>可恢复的草稿</source>
        <translation>Recoverable drafts</translation>
    </message>
    <message>
        <location filename="../../composer/gui/recovery_dialog.py" line="50"/>
        <source>恢复</source>
        <translation>Recover</translation>
    </message>
    <message>
        <location filename="../../composer/gui/recovery_dialog.py" line="52"/>
        <source>不恢复</source>
        <translation>Discard offer</translation>
    </message>
    <message>
        <location filename="../../composer/gui/recovery_dialog.py" line="41"/>
        <source>（未命名）</source>
        <translation>(untitled)</translation>
    </message>
</context>
<context>
    <name>ReportFonts</name>
    <message>
        <location filename="../../composer/gui/font_setting.py" line="91"/>
        <source>正文字体</source>
        <translation>Body typeface</translation>
    </message>
    <message>
        <location filename="../../composer/gui/font_setting.py" line="92"/>
        <source>GB/T 9704：正文用仿宋。未安装时使用内置的宋体风格字体。</source>
        <translation>GB/T 9704: the body is set in FangSong. Without it, the bundled Song-style serif is used.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/font_setting.py" line="93"/>
        <source>标题字体</source>
        <translation>Title typeface</translation>
    </message>
    <message>
        <location filename="../../composer/gui/font_setting.py" line="94"/>
        <source>GB/T 9704：标题用小标宋。只能选择许可允许嵌入 PDF 的字体。</source>
        <translation>GB/T 9704: the title is set in Xiaobiaosong. Only fonts whose licence allows embedding in a PDF can be chosen.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/font_setting.py" line="130"/>
        <source>内置 Composer Serif SC（默认）</source>
        <translation>Bundled Composer Serif SC (default)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/font_setting.py" line="135"/>
        <source>（许可不允许嵌入）</source>
        <translation> (licence forbids embedding)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/font_setting.py" line="140"/>
        <source>选择字体文件…</source>
        <translation>Choose a font file…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/font_setting.py" line="157"/>
        <source>不能使用该字体：</source>
        <translation>This font cannot be used: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/font_setting.py" line="174"/>
        <source>选择字体文件</source>
        <translation>Choose a font file</translation>
    </message>
    <message>
        <location filename="../../composer/gui/font_setting.py" line="175"/>
        <source>TrueType 字体 (*.ttf *.ttc *.otf)</source>
        <translation>TrueType fonts (*.ttf *.ttc *.otf)</translation>
    </message>
</context>
<context>
    <name>ReportList</name>
    <message>
        <location filename="../../composer/gui/report_list.py" line="1"/>
        <source>无法删除</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <location filename="../../composer/gui/report_list.py" line="1"/>
        <source>无法归档</source>
        <translation>Cannot archive</translation>
    </message>
</context>
<context>
    <name>ReportWizard</name>
    <message>
        <location filename="../../composer/gui/wizard.py" line="51"/>
        <source>完成(&amp;D)</source>
        <translation>&amp;Done</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="79"/>
        <location filename="../../composer/gui/reports_dialog.py" line="87"/>
        <source>报告列表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="88"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="88"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="89"/>
        <source>事件名称</source>
        <translation>Incident title</translation>
    </message>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="89"/>
        <source>最后修改</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="90"/>
        <source>已生成材料包</source>
        <translation>Packages</translation>
    </message>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="109"/>
        <location filename="../../composer/gui/reports_dialog.py" line="174"/>
        <source>（未命名）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="121"/>
        <source>继续编辑</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="122"/>
        <source>开始续报</source>
        <translation>Start follow-up</translation>
    </message>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="123"/>
        <source>开始总结报告</source>
        <translation>Start summary report</translation>
    </message>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="116"/>
        <source>显示已归档的报告</source>
        <translation>Show archived reports</translation>
    </message>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="90"/>
        <source>报送记录</source>
        <translation>Sendings</translation>
    </message>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="104"/>
        <source>（更正）</source>
        <translation> (correction)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="108"/>
        <source>（未入记录链）</source>
        <translation> (not in the record chain)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="130"/>
        <location filename="../../composer/gui/reports_dialog.py" line="193"/>
        <source>删除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="148"/>
        <source>更正 #%1 于 %2 的报送：</source>
        <translation>Corrects the sending of #%1 on %2: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="191"/>
        <source>取消归档</source>
        <translation>Unarchive</translation>
    </message>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="191"/>
        <source>归档…</source>
        <translation>Archive…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="204"/>
        <source>归档报告 %1？
已报送的报告是报送记录，不能删除。归档后它不再显示在列表中；勾选“显示已归档的报告”可再看到。</source>
        <translation>Archive report %1?
A sent report is a record of what was sent and cannot be deleted. Once archived it is no longer listed; tick “Show archived reports” to see it again.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="207"/>
        <source>删除草稿 %1？
此操作不能撤销。</source>
        <translation>Delete draft %1?
This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/reports_dialog.py" line="173"/>
        <source>〔已归档〕</source>
        <translation>[archived] </translation>
    </message>
</context>
<context>
    <name>Sending</name>
    <message>
        <location filename="../../composer/gui/sending.py" line="112"/>
        <source>报告还有问题</source>
        <translation>The report has problems</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="112"/>
        <source>报告还有问题，请先按提示修改。</source>
        <translation>The report still has problems; fix them as shown first.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="136"/>
        <source>正在准备邮件…</source>
        <translation>Preparing the e-mail…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="136"/>
        <source>无法准备邮件</source>
        <translation>Cannot prepare the e-mail</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="145"/>
        <source>打印传真件</source>
        <translation>Print fax set</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="146"/>
        <source>打印电话稿和记录单</source>
        <translation>Print phone script and call record</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="147"/>
        <source>打印报告</source>
        <translation>Print report</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="149"/>
        <source>正在准备打印…</source>
        <translation>Preparing to print…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="149"/>
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="179"/>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="190"/>
        <source>保存传真 TIFF</source>
        <translation>Save fax TIFF</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="191"/>
        <source>传真 TIFF (*.tif *.tiff)</source>
        <translation>Fax TIFF (*.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="197"/>
        <source>传真 TIFF 已保存：</source>
        <translation>Fax TIFF saved: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="198"/>
        <source>正在生成传真 TIFF…</source>
        <translation>Generating the fax TIFF…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="213"/>
        <source>没有待办事项</source>
        <translation>Nothing owed</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="213"/>
        <source>记录报送后才有需补报、续报和总结报告的事项。</source>
        <translation>Items to supplement, follow-ups and the summary report are owed once a sending is recorded.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="216"/>
        <source>导出日历</source>
        <translation>Export calendar</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="217"/>
        <source>日历文件 (*.ics)</source>
        <translation>Calendar file (*.ics)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="221"/>
        <source>日历已导出：</source>
        <translation>Calendar exported: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="230"/>
        <source>导出报送记录</source>
        <translation>Export sending record</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="231"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="242"/>
        <source>报送记录已导出（记录链完整，共 %1 条）：</source>
        <translation>Sending record exported (chain intact, %1 records): </translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="245"/>
        <source>报送记录不完整</source>
        <translation>The sending record does not hold</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sending.py" line="246"/>
        <source>记录链在第 %1 条记录处不成立，导出的 PDF 已注明：</source>
        <translation>The chain breaks at record %1; the exported PDF says so:</translation>
    </message>
</context>
<context>
    <name>SentBar</name>
    <message>
        <location filename="../../composer/gui/sentbar.py" line="45"/>
        <source>开始续报(&amp;U)</source>
        <translation>Start a foll&amp;ow-up</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sentbar.py" line="48"/>
        <source>开始更正(&amp;C)</source>
        <translation>Start a &amp;correction</translation>
    </message>
    <message>
        <location filename="../../composer/gui/sentbar.py" line="61"/>
        <source>本报告已于 %1 报送，是报送记录，不能再修改。有新情况请开始续报；内容有误请开始更正（同为%2，保留报告链）。</source>
        <translation>This report was sent on %1 and is now a record: it can no longer be changed. For new facts start a follow-up; to correct an error start a correction (same report type: %2; kept in the chain).</translation>
    </message>
</context>
<context>
    <name>StepIndicator</name>
    <message>
        <location filename="../../composer/gui/steps.py" line="65"/>
        <source>第 %1 步，共 %2 步：%3</source>
        <translation>Step %1 of %2: %3</translation>
    </message>
</context>
<context>
    <name>StepPage</name>
    <message>
        <location filename="../../composer/gui/page_base.py" line="327"/>
        <source>完成以下各项后才能继续：</source>
        <translation>To continue, fix: </translation>
    </message>
</context>
<context>
    <name>SubmissionDialog</name>
    <message>
        <source>记录报送（演练）</source>
        <translation>Record sending (drill)</translation>
    </message>
    <message>
        <source>演练：本次报送记入报送记录链并标明“演练”，不计入本单位的报告，不满足任何报告义务。</source>
        <translation>Drill: this sending is recorded in the sending record marked as a drill; it is not a report of the unit and meets no reporting obligation.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="253"/>
        <source>⚠ 报送记录未能保存：%1。
您填写的内容保留在下方；排除问题（如磁盘空间）后请再次保存。未保存前，此次报送没有记录。</source>
        <translation>⚠ The sending was not recorded: %1.
What you entered is kept below; fix the cause (e.g. disk space) and save again. Until then this sending has no record.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="93"/>
        <source>记录报送</source>
        <translation>Record sending</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="149"/>
        <source>报送渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="151"/>
        <source>报送时间（北京时间）</source>
        <translation>Sent at (Beijing time)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="157"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="132"/>
        <source>如有，填写对方告知的受理编号</source>
        <translation>The reference number (受理编号) given, if any</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="104"/>
        <source>记录本报告何时、通过何种渠道、向谁报送。该记录可作为按时报告的证明（《办法》第十、十一条）。</source>
        <translation>Record when, by which channel and to whom this report was sent. The record is evidence of reporting on time (Measures arts. 10–11).</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="133"/>
        <source>接听电话或接收报告的人</source>
        <translation>Who took the call or received the report</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="135"/>
        <source>已发送邮件的 Message-ID，如 &lt;…@…&gt;</source>
        <translation>Message-ID of the sent e-mail, e.g. &lt;…@…&gt;</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="136"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="139"/>
        <source>未附文件</source>
        <translation>No file attached</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="146"/>
        <source>可不填</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="150"/>
        <source>报送对象</source>
        <translation>Sent to</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="152"/>
        <source>报送人</source>
        <translation>Sent by</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="153"/>
        <source>受理编号</source>
        <translation>Reference number</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="154"/>
        <source>接收人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="155"/>
        <source>邮件 Message-ID</source>
        <translation>E-mail Message-ID</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="156"/>
        <source>回执文件（如传真发送报告扫描件）</source>
        <translation>Receipt file (e.g. scanned fax transmission report)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="199"/>
        <source>将存档的报送材料：</source>
        <translation>What was sent will be kept from: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="201"/>
        <source>现有材料包不含电话稿：保存时按当前报告生成一份（含电话稿），原样存档。</source>
        <translation>The current package has no phone script: on saving, one is generated from the report as it stands (with the script) and kept exactly.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="204"/>
        <source>尚未生成材料包：保存时按当前报告生成一份，原样存档。</source>
        <translation>No package generated yet: one is generated from the report when saving, and kept exactly.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="212"/>
        <source>选择回执文件</source>
        <translation>Choose receipt file</translation>
    </message>
    <message>
        <location filename="../../composer/gui/submission_dialog.py" line="213"/>
        <source>扫描件或文件 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;所有文件 (*)</source>
        <translation>Scans or files (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <source>导出台账</source>
        <translation>Export ledger</translation>
    </message>
    <message>
        <source>台账每行一次报送：报告单位、事件、级别、报送对象、时限、报送时间、是否按时、受理编号和记录的 SHA-256，均取自报送记录链；第二页为年度汇总。</source>
        <translation>One row per sending: unit, incident, level, recipient, deadline, time sent, on time or not, reference and the record's SHA-256, all taken from the sending record's chain; the second sheet sums up the year.</translation>
    </message>
    <message>
        <source>全部年份</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>%1 年</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>年度（按报送时间，北京时间）</source>
        <translation>Year (by time sent, Beijing time)</translation>
    </message>
    <message>
        <source>包含演练（标明“演练”，不计入本单位的报告）</source>
        <translation>Include drills (marked as drills, not counted as the unit's reports)</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
</context>
<context>
    <name>RecordExports</name>
    <message>
        <source>无法导出</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>导出台账</source>
        <translation>Export ledger</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>台账已导出（%1 次报送）：</source>
        <translation>Ledger exported (%1 sendings): </translation>
    </message>
    <message>
        <source>演练报告</source>
        <translation>Drill report</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>演练报告已导出（%1 次演练）：</source>
        <translation>Drill report exported (%1 drills): </translation>
    </message>
</context>
</TS>
