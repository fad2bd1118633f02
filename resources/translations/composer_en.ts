<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <location filename="../../composer/gui/app.py" line="41"/>
        <source>网络安全事件报告</source>
        <translation>Cybersecurity Incident Report</translation>
    </message>
    <message>
        <location filename="../../composer/gui/app.py" line="67"/>
        <source>无法打开草稿数据库</source>
        <translation>Cannot open the drafts database</translation>
    </message>
</context>
<context>
    <name>BasicFactsPage</name>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="20"/>
        <source>事件基本情况</source>
        <translation>Basic facts of the incident</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="21"/>
        <source>《办法》第七条第（一）（二）项。时间均为北京时间；报告时限从发现时间起算。</source>
        <translation>Measures art. 7 items 1–2. All times are Beijing time; the time limit runs from discovery.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="24"/>
        <source>事件名称</source>
        <translation>Incident title</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="25"/>
        <source>例如：会员系统遭勒索病毒攻击</source>
        <translation>e.g. Membership system hit by ransomware</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="26"/>
        <source>发现时间</source>
        <translation>Discovered at</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="27"/>
        <source>发现或者获知事件的时间（默认为现在）。</source>
        <translation>When the incident was discovered or learned of (defaults to now).</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="28"/>
        <source>发生时间</source>
        <translation>Occurred at</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="29"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="31"/>
        <source>事件类型</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="32"/>
        <source>按 GB/T 20986-2023 分类。</source>
        <translation>Classified under GB/T 20986-2023.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="33"/>
        <source>涉及的设施、系统、平台</source>
        <translation>Facilities, systems, platforms affected</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="34"/>
        <source>发生地点</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="35"/>
        <source>事件经过</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="36"/>
        <source>已造成的影响和危害</source>
        <translation>Impact and harm so far</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="37"/>
        <source>已采取的应对措施及效果</source>
        <translation>Measures taken and their effect</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="38"/>
        <source>处置结束时间</source>
        <translation>Handling completed at</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="40"/>
        <source>总结报告必填：处置结束后 30 日内报送总结报告。</source>
        <translation>Required for a summary report: due within 30 days after handling ends.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="41"/>
        <source>涉嫌违法犯罪</source>
        <translation>Suspected crime</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="42"/>
        <source>是（须同时向公安机关报案）</source>
        <translation>Yes (also report it to the police)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="43"/>
        <source>勒索信息（勒索病毒事件须报告）</source>
        <translation>Ransom (required for ransomware)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="47"/>
        <source>勒索金额</source>
        <translation>Ransom amount</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="48"/>
        <source>例如：3 BTC</source>
        <translation>e.g. 3 BTC</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="49"/>
        <source>支付方式</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_basic.py" line="50"/>
        <source>勒索时间</source>
        <translation>Demanded at</translation>
    </message>
</context>
<context>
    <name>DeadlineHeader</name>
    <message>
        <location filename="../../composer/gui/header.py" line="64"/>
        <source>报告时限</source>
        <translation>Reporting deadline</translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="83"/>
        <source>定级：填写中</source>
        <translation>Level: in progress</translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="86"/>
        <source>定级：</source>
        <translation>Level: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="96"/>
        <source>已报送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="100"/>
        <source>续报：无固定时限，出现重要新情况时及时报送</source>
        <translation>Follow-up: no fixed limit; report promptly when important new facts emerge</translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="102"/>
        <source>一般事件：无强制报告时限</source>
        <translation>General incident: no mandatory deadline</translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="104"/>
        <source>填写完报告单位和事件基本情况后显示报告时限</source>
        <translation>The deadline appears once the organisation and basic facts are filled in</translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="106"/>
        <source>无限期事项</source>
        <translation>No dated obligation</translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="112"/>
        <source>最早截止：</source>
        <translation>Earliest deadline: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="115"/>
        <source>已超时 %1</source>
        <translation>OVERDUE by %1</translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="117"/>
        <source>即将到期，剩余 %1</source>
        <translation>Due soon, %1 left</translation>
    </message>
    <message>
        <location filename="../../composer/gui/header.py" line="119"/>
        <source>剩余 %1</source>
        <translation>%1 left</translation>
    </message>
</context>
<context>
    <name>GradingPage</name>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="36"/>
        <source>定级结果</source>
        <translation>Grading result</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="37"/>
        <source>按《网络安全事件分级指南》：取各项标准所达到的最高级别。</source>
        <translation>Under the Incident Grading Guide: the highest level any criterion reaches.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="39"/>
        <source>事件级别</source>
        <translation>Incident level</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="42"/>
        <source>定级依据</source>
        <translation>Basis of the level</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="44"/>
        <source>可能提高定级的未知事实</source>
        <translation>Unknown facts that could raise the level</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="74"/>
        <source>无法定级：前面的步骤还有问题。</source>
        <translation>Cannot grade yet: earlier steps still have problems.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="79"/>
        <source>事件级别：</source>
        <translation>Incident level: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="81"/>
        <source>较大及以上事件，须按《办法》第四条在时限内报告。</source>
        <translation>Relatively major or above: must be reported within the time limit (Measures art. 4).</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="82"/>
        <source>一般事件：不属于《办法》第四条必须报告的情形；如有需要仍可自愿报告。</source>
        <translation>General incident: not mandatory under art. 4; a voluntary report is still possible.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="85"/>
        <source>定级依据：</source>
        <translation>Basis:</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="92"/>
        <source>没有达到较大及以上级别的标准。</source>
        <translation>No criterion for relatively major or above is met.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="96"/>
        <source>以下事实尚未填写，可能提高定级（可返回“影响事实”补充）：</source>
        <translation>These facts are unknown and could raise the level (go back to Impact facts to add them):</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="97"/>
        <source>最高可达</source>
        <translation>up to </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="106"/>
        <source>该级别所依据的数值尚未经正式文本核实。请对照《网络安全事件分级指南》原文核对后确认。</source>
        <translation>The numbers this level rests on are not verified against the final text. Check them against the Incident Grading Guide, then confirm.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="108"/>
        <source>仅按已核实的标准，定级为“%1”。</source>
        <translation>On confirmed criteria alone, the level is “%1”.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="109"/>
        <source>我已对照原文核对，确认定级为“%1”</source>
        <translation>I have checked the original text and confirm the level &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_grading.py" line="121"/>
        <source>请确认定级后继续。</source>
        <translation>Confirm the level to continue.</translation>
    </message>
</context>
<context>
    <name>HandlingPage</name>
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
        <location filename="../../composer/gui/page_handling.py" line="24"/>
        <source>事态发展趋势及可能造成的影响</source>
        <translation>Likely development and further impact</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="25"/>
        <source>初步原因分析</source>
        <translation>Preliminary cause</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="26"/>
        <source>调查线索</source>
        <translation>Leads for investigation</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="27"/>
        <source>可能的攻击者信息、攻击路径、利用的漏洞等</source>
        <translation>Possible attacker, attack path, vulnerabilities exploited…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="28"/>
        <source>拟采取的下一步措施</source>
        <translation>Further measures planned</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="29"/>
        <source>需要的支持</source>
        <translation>Support requested</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="30"/>
        <source>现场保护情况</source>
        <translation>Scene (evidence) preservation</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="31"/>
        <source>其他应报告的情况</source>
        <translation>Anything else to report</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="32"/>
        <source>事件处置总结（《办法》第八条）</source>
        <translation>Summary of the handling (Measures art. 8)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="35"/>
        <source>责任处理情况</source>
        <translation>Accountability</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="36"/>
        <source>整改落实情况</source>
        <translation>Remediation done</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_handling.py" line="37"/>
        <source>经验教训</source>
        <translation>Lessons learned</translation>
    </message>
</context>
<context>
    <name>ImpactPage</name>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="29"/>
        <source>影响事实</source>
        <translation>Impact facts</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="30"/>
        <source>按《网络安全事件分级指南》定级所需的事实。不知道的留空；“以上”含本数。</source>
        <translation>The facts the Incident Grading Guide reads. Leave unknown facts empty; &quot;or more&quot; includes the threshold.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="36"/>
        <source>小时，可填小数（0.5 = 30 分钟）</source>
        <translation>hours, decimals allowed (0.5 = 30 minutes)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="38"/>
        <source>中断与影响范围</source>
        <translation>Outages and reach</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="40"/>
        <source>关键信息基础设施整体中断（小时）</source>
        <translation>CII total outage (hours)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="43"/>
        <source>关键信息基础设施主要功能中断（小时）</source>
        <translation>CII main functions outage (hours)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="45"/>
        <location filename="../../composer/gui/page_impact.py" line="53"/>
        <location filename="../../composer/gui/page_impact.py" line="68"/>
        <source>（不涉及）</source>
        <translation>(not affected)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="46"/>
        <location filename="../../composer/gui/page_impact.py" line="69"/>
        <source>省级以上党政机关门户网站</source>
        <translation>Provincial-or-above government portal</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="47"/>
        <source>地市级党政机关门户网站</source>
        <translation>Prefecture-level government portal</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="48"/>
        <location filename="../../composer/gui/page_impact.py" line="70"/>
        <source>中央重点新闻网站</source>
        <translation>Central key news website</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="49"/>
        <source>其他重点新闻网站</source>
        <translation>Other key news website</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="50"/>
        <source>无法访问的网站</source>
        <translation>Unreachable website</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="51"/>
        <source>无法访问时长（小时）</source>
        <translation>Unreachable for (hours)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="53"/>
        <source>省级行政区</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="54"/>
        <source>地市级行政区</source>
        <translation>Prefecture</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="55"/>
        <source>人口受影响的地区级别</source>
        <translation>Region level of affected population</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="57"/>
        <source>受影响人口比例（%）</source>
        <translation>Share of population affected (%)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="60"/>
        <source>水电气油、交通、医疗等受影响人数</source>
        <translation>People whose utilities, transport, medical care… are affected</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="62"/>
        <source>个人信息泄露人数</source>
        <translation>People whose personal information leaked</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="64"/>
        <source>直接经济损失（元）</source>
        <translation>Direct economic loss (yuan)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="67"/>
        <source>网页篡改、传播违法有害信息</source>
        <translation>Defacement, spread of illegal or harmful content</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="71"/>
        <source>超大型网络平台</source>
        <translation>Super-large platform</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="72"/>
        <source>其他网站</source>
        <translation>Other website</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="73"/>
        <source>被篡改的网站</source>
        <translation>Defaced website</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="75"/>
        <source>首页展示时长（小时）</source>
        <translation>Shown on the homepage for (hours)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="77"/>
        <source>其他页面展示时长（小时）</source>
        <translation>Shown on other pages for (hours)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="79"/>
        <source>社交平台转发次数</source>
        <translation>Social media reposts</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="80"/>
        <source>浏览或点击次数</source>
        <translation>Views or clicks</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="81"/>
        <source>（未认定）</source>
        <translation>(no ruling)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="82"/>
        <source>特大范围</source>
        <translation>Especially large scale</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="82"/>
        <source>大范围</source>
        <translation>Large scale</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="83"/>
        <source>较大范围</source>
        <translation>Relatively large scale</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="85"/>
        <source>省级以上网信部门或公安机关认定的传播范围</source>
        <translation>Spread scale ruled by a provincial-or-above CAC or police body</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="86"/>
        <source>研判（由您判断）</source>
        <translation>Judgements (yours)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="87"/>
        <source>（不适用或未知）</source>
        <translation>(not applicable or unknown)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="88"/>
        <source>特别严重</source>
        <translation>Especially serious</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="89"/>
        <source>严重</source>
        <translation>Serious</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="90"/>
        <source>较严重</source>
        <translation>Relatively serious</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="92"/>
        <source>数据泄露等对国家安全和社会稳定的威胁</source>
        <translation>Threat of a data leak etc. to national security and social stability</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="94"/>
        <source>重要网络和信息系统损失</source>
        <translation>Loss to important networks and systems</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="96"/>
        <source>其他威胁或影响</source>
        <translation>Other threat or impact</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="103"/>
        <source>当前定级：请先修正下方标出的问题。</source>
        <translation>Level: fix the problems marked below first.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_impact.py" line="106"/>
        <source>按目前填写的事实，定级为：</source>
        <translation>With the facts so far, the level is: </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="72"/>
        <source>网络安全事件报告</source>
        <translation>Cybersecurity Incident Report</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="104"/>
        <source>草稿自动保存</source>
        <translation>Drafts are saved automatically</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="109"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="110"/>
        <source>新建报告(&amp;N)</source>
        <translation>&amp;New report</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="111"/>
        <source>报告列表(&amp;L)…</source>
        <translation>Report &amp;list…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="112"/>
        <source>打开事件文件(&amp;O)…</source>
        <translation>&amp;Open incident file…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="114"/>
        <source>立即保存(&amp;S)</source>
        <translation>&amp;Save now</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="116"/>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="117"/>
        <source>语言(&amp;G)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="158"/>
        <source>已自动保存 %1</source>
        <translation>Saved automatically at %1</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="187"/>
        <location filename="../../composer/gui/mainwindow.py" line="190"/>
        <source>无法打开文件</source>
        <translation>Cannot open the file</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="190"/>
        <source>不是事件文件。</source>
        <translation>Not an incident file.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="196"/>
        <source>文件中有无法识别的字段</source>
        <translation>Unrecognised fields in the file</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="197"/>
        <source>以下字段无法识别（可能是拼写错误），没有载入；原文件未改动：</source>
        <translation>These fields are not recognised (perhaps misspelt) and were not loaded; the file itself is unchanged:</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="202"/>
        <source>打开事件文件</source>
        <translation>Open incident file</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="203"/>
        <location filename="../../composer/gui/mainwindow.py" line="328"/>
        <source>事件文件 (*.json)</source>
        <translation>Incident files (*.json)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="242"/>
        <source>选择保存材料包的文件夹</source>
        <translation>Choose a folder for the package</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="259"/>
        <source>无法生成</source>
        <translation>Cannot generate</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="259"/>
        <source>报告还有问题。</source>
        <translation>The report still has problems.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="279"/>
        <source>材料包已生成：</source>
        <translation>Package written: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="282"/>
        <source>生成材料包失败</source>
        <translation>Writing the package failed</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="284"/>
        <source>正在生成材料包…</source>
        <translation>Writing the package…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="298"/>
        <location filename="../../composer/gui/mainwindow.py" line="310"/>
        <source>打印报告</source>
        <translation>Print report</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="308"/>
        <source>正在准备打印…</source>
        <translation>Preparing to print…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="310"/>
        <source>打印传真件</source>
        <translation>Print fax set</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="311"/>
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="325"/>
        <source>无法导出</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="325"/>
        <source>报告还有问题，请先按提示修改。</source>
        <translation>The report still has problems; fix them as shown first.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="327"/>
        <source>导出事件文件</source>
        <translation>Export incident file</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="334"/>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../composer/gui/mainwindow.py" line="350"/>
        <source>已记录报送</source>
        <translation>Sending recorded</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>正在生成传真件：第 %1 页，共 %2 页</source>
        <translation>Making the fax set: page %1 of %2</translation>
    </message>
    <message>
        <source>正在生成 PDF 报告…</source>
        <translation>Making the PDF report…</translation>
    </message>
    <message>
        <source>正在生成电子邮件草稿…</source>
        <translation>Making the email draft…</translation>
    </message>
    <message>
        <source>正在生成传真件…</source>
        <translation>Making the fax set…</translation>
    </message>
    <message>
        <source>正在写入文件…</source>
        <translation>Writing the files…</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="46"/>
        <source>预览与输出</source>
        <translation>Preview and output</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="47"/>
        <source>下面是将要报送的报告。生成的材料包含 PDF 报告、电子邮件草稿和传真件。</source>
        <translation>This is the report as it will be sent. The package holds the PDF report, an email draft and the fax set.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="50"/>
        <source>生成报送材料包…</source>
        <translation>Write package…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="52"/>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="55"/>
        <source>打印报告…</source>
        <translation>Print report…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="57"/>
        <source>打印传真件…</source>
        <translation>Print fax set…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="59"/>
        <source>导出事件文件…</source>
        <translation>Export incident file…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="61"/>
        <source>记录已报送…</source>
        <translation>Record sending…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="98"/>
        <source>报告还有问题，无法预览。</source>
        <translation>The report still has problems: no preview.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="101"/>
        <location filename="../../composer/gui/page_preview.py" line="107"/>
        <source>正在生成预览…</source>
        <translation>Rendering the preview…</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="117"/>
        <source>⚠ 以下字符无法用内置字体打印，在 PDF 和传真中会显示为空白方框，请改写：</source>
        <translation>⚠ The bundled fonts cannot print these characters; they would appear as empty boxes in the PDF and the fax. Please rewrite:</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="131"/>
        <source>无法生成预览：</source>
        <translation>Cannot render the preview: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_preview.py" line="135"/>
        <source>材料包已生成：</source>
        <translation>Package written: </translation>
    </message>
    <message>
        <source>预览只显示前 %1 页（共 %2 页）；生成的 PDF 包含全部页面。</source>
        <translation>The preview shows the first %1 pages (of %2); the generated PDF has them all.</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="31"/>
        <source>报告单位</source>
        <translation>Reporting organisation</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="32"/>
        <source>《办法》第七条第（一）项：报告单位名称。保存后，下次报告自动填入。</source>
        <translation>Measures art. 7 item 1: the reporting unit. Saved once, filled in for the next report.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="34"/>
        <source>单位名称</source>
        <translation>Organisation name</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="34"/>
        <source>营业执照上的全称</source>
        <translation>Full name as registered</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="35"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="37"/>
        <source>单位类型</source>
        <translation>Operator kind</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="38"/>
        <source>决定报告对象和时限：关键信息基础设施 1 小时；中央和国家机关 2 小时；其他 4 小时。</source>
        <translation>Decides recipients and limits: CII 1 hour; central/state organs 2 hours; others 4 hours.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="40"/>
        <source>所在省份</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="40"/>
        <source>例如：浙江省</source>
        <translation>e.g. 浙江省</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="41"/>
        <source>其他网络运营者必填：报告送属地省级网信部门。跨省经营的，填写事件发生地所在省份。</source>
        <translation>Required for other operators: the provincial CAC office receives the report. Operating in several provinces: give the province where the incident occurred.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="43"/>
        <source>保护工作部门</source>
        <translation>Protection department</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="44"/>
        <source>关键信息基础设施运营者必填。</source>
        <translation>Required for CII operators.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="45"/>
        <source>本部门网信工作机构</source>
        <translation>Department&apos;s cyberspace affairs body</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="46"/>
        <source>中央和国家机关及其直属单位必填。</source>
        <translation>Required for central/state organs and their units.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="47"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="48"/>
        <source>18 位，可不填</source>
        <translation>18 characters, optional</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="49"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="50"/>
        <source>联系人姓名</source>
        <translation>Contact name</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="51"/>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="52"/>
        <source>例如 010-66668888</source>
        <translation>e.g. 010-66668888</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="53"/>
        <source>电子邮箱</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="53"/>
        <source>可不填</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="55"/>
        <source>保存为本单位资料，下次报告自动填入</source>
        <translation>Remember as our organisation profile for the next report</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="64"/>
        <source>邮件草稿</source>
        <translation>E-mail draft</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="68"/>
        <source>同时发送给</source>
        <translation>Also send to</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="69"/>
        <source>本单位配置的其他收件人（如行业主管部门、单位安全负责人）。邮件草稿始终发往 %1。</source>
        <translation>Your organisation&apos;s other recipients (e.g. the sector regulator, your security officer). The draft always goes to %1.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="66"/>
        <source>可不填；多个地址用逗号分隔</source>
        <translation>Optional; separate addresses with commas</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_profile.py" line="82"/>
        <source>不是有效的电子邮箱地址：</source>
        <translation>Not a valid e-mail address: </translation>
    </message>
</context>
<context>
    <name>RecipientsPage</name>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="72"/>
        <source>报告对象与时限</source>
        <translation>Recipients and deadlines</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="73"/>
        <source>截止时间 = 发现时间 + 时限（北京时间）。最早的一项决定顶部倒计时。</source>
        <translation>Due = discovery + time limit (Beijing time). The earliest drives the countdown at the top.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="76"/>
        <source>报告义务</source>
        <translation>Obligations</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="77"/>
        <source>事项</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="77"/>
        <source>报送对象</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="78"/>
        <source>截止时间</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="78"/>
        <source>时限</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="79"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="94"/>
        <source>官方报告渠道：</source>
        <translation>Official reporting channels:</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="95"/>
        <source>热线电话：</source>
        <translation>Hotline: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="95"/>
        <source>网站：</source>
        <translation>Website: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="96"/>
        <source>电子邮箱：</source>
        <translation>Email: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="96"/>
        <source>传真：</source>
        <translation>Fax: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="97"/>
        <source>微信小程序：</source>
        <translation>WeChat mini-program: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="98"/>
        <source>微信公众号：</source>
        <translation>WeChat account: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="103"/>
        <source>完整报告：继续填写处置与分析（第三至八项）</source>
        <translation>Full report: continue with handling and analysis (items 3–8)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="105"/>
        <source>快速报告：先报第一、二项，其余内容稍后及时补报（《办法》第七条第二款）</source>
        <translation>Fast report: items 1–2 now, the rest supplemented promptly (Measures art. 7 ¶2)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="149"/>
        <source>接报部门的上报时限（供参考，非本单位义务）：</source>
        <translation>Escalations by the receiving bodies (for information, not your duty):</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_recipients.py" line="154"/>
        <source>选择快速报告时，报告中将注明其余事项将及时补报。</source>
        <translation>With the fast report, the report states that the remaining items will follow promptly.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="126"/>
        <source>恢复未保存的工作</source>
        <translation>Recover unsaved work</translation>
    </message>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="130"/>
        <source>程序上次没有正常退出。以下草稿在那之后有修改，已自动保存。要继续编辑哪一份？</source>
        <translation>Composer did not exit cleanly last time. These drafts changed since and were saved automatically. Which one do you want to continue?</translation>
    </message>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="136"/>
        <source>可恢复的草稿</source>
        <translation>Recoverable drafts</translation>
    </message>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="146"/>
        <source>恢复</source>
        <translation>Recover</translation>
    </message>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="148"/>
        <source>不恢复</source>
        <translation>Discard offer</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="66"/>
        <location filename="../../composer/gui/dialogs.py" line="74"/>
        <source>报告列表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="75"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="75"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="76"/>
        <source>事件名称</source>
        <translation>Incident title</translation>
    </message>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="76"/>
        <source>最后修改</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="77"/>
        <source>已生成材料包</source>
        <translation>Packages</translation>
    </message>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="77"/>
        <source>已报送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="90"/>
        <source>（未命名）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="100"/>
        <source>继续编辑</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="101"/>
        <source>开始续报</source>
        <translation>Start follow-up</translation>
    </message>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="102"/>
        <source>开始总结报告</source>
        <translation>Start summary report</translation>
    </message>
</context>
<context>
    <name>StepPage</name>
    <message>
        <location filename="../../composer/gui/page_base.py" line="187"/>
        <source>完成以下各项后才能继续：</source>
        <translation>To continue, fix: </translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_base.py" line="279"/>
        <source>未知则留空</source>
        <translation>empty if unknown</translation>
    </message>
    <message>
        <location filename="../../composer/gui/page_base.py" line="314"/>
        <source>已知</source>
        <translation>known</translation>
    </message>
</context>
<context>
    <name>SubmissionDialog</name>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="171"/>
        <source>记录报送</source>
        <translation>Record sending</translation>
    </message>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="175"/>
        <source>记录本报告何时、通过何种渠道报送。该记录可作为按时报告的证明（《办法》第十、十一条）。</source>
        <translation>Record when and through which channel this report was sent. The record is evidence of reporting on time (Measures arts. 10–11).</translation>
    </message>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="193"/>
        <source>可不填，如传真回执编号、接收人</source>
        <translation>Optional, e.g. fax receipt number, person who received it</translation>
    </message>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="194"/>
        <source>报送渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="195"/>
        <source>报送时间（北京时间）</source>
        <translation>Sent at (Beijing time)</translation>
    </message>
    <message>
        <location filename="../../composer/gui/dialogs.py" line="196"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
</TS>
