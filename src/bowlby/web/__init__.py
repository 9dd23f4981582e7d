"""The web interface: server-rendered pages and a JSON API over the same use cases.

Import ``bowlby.web.app.create_app`` to build the app, ``bowlby.web.server.run`` to serve it.
"""
