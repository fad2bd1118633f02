"""jinja2 templates compiled by tools/compile_templates.py (see composer.render.templating)."""
