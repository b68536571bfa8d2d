// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jupyter/JupyterLauncher.h"

namespace app {

// Why it is written this way, against the sources of jupyter_server 2.15 and notebook 6.4.13:
// - ServerApp.init_httpserver probes a port (_find_http_port binds, closes, and later
//   _bind_http_server_tcp listens again: another process can take the port in between) and, given
//   port 0, writes 0 to its info file. Both methods are replaced: the port is the bound socket's, and
//   the HTTP server adopts that socket. The same class serves JupyterLab (LabApp), Notebook 7
//   (notebook.app) and a bare Jupyter Server.
// - Classic Notebook 6 (notebook.notebookapp.NotebookApp) listens in its own
//   _bind_http_server_tcp: replaced the same way.
// - The socket listens before the server starts: a client that connects as soon as it reads the
//   info file is queued by the kernel until the server accepts it.
// - The info file is written by the server itself once it knows its port; this program only prints
//   where it is, so that job.out tells a person what happened (never the token).
// - Settings travel in a config file of the job's own JUPYTER_CONFIG_DIR (JSON: any character in a
//   folder name survives), not in arguments, and the user's ~/.jupyter settings cannot turn off the
//   token or open a browser on the node.
QString jupyterLauncherSource()
{
    return QStringLiteral(R"PY(# clusterdesk's Jupyter launcher (see JupyterLauncher.cpp in clusterdesk's sources).
import importlib.util
import json
import os
import secrets
import socket
import sys

MARK = "clusterdesk-jupyter:"


def say(text):
    print(MARK, text, flush=True)


def fail(code, text):
    say("error: " + code + ": " + text)
    sys.exit(3)


def have(name):
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


interface = os.environ.get("CLUSTERDESK_JUPYTER_INTERFACE", "lab")
python = sys.executable or "python3"
if not have("jupyter_server") and not have("notebook"):
    fail("jupyter-missing", "Jupyter is not installed for " + python + " (no jupyter_server or notebook module).")
if interface == "lab" and not have("jupyterlab"):
    fail("lab-missing", "JupyterLab is not installed for " + python + " (no jupyterlab module).")

# The node's name as the other nodes know it; the server listens on the address it resolves to.
host = socket.gethostname()
try:
    addresses = socket.getaddrinfo(host, 0, socket.AF_UNSPEC, socket.SOCK_STREAM)
except OSError as error:
    fail("host-unresolved", "the node's name " + host + " does not resolve: " + str(error))
addresses.sort(key=lambda entry: entry[0] != socket.AF_INET)
family, _, _, _, address = addresses[0]
listener = socket.socket(family, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
if family == socket.AF_INET6:
    listener.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
try:
    listener.bind((address[0], 0) + tuple(address[2:]))
    listener.listen(128)
except OSError as error:
    fail("bind-failed", "could not listen on " + host + ": " + str(error))
listener.setblocking(False)
port = listener.getsockname()[1]
say("bound " + host + ":" + str(port) + " (" + address[0] + ")")

# Made here, on the node; the server reads it from its environment, never from a command line.
os.environ["JUPYTER_TOKEN"] = secrets.token_hex(32)
os.environ.pop("JUPYTER_TOKEN_FILE", None)

settings = {
    "ip": host,
    "port": port,
    "port_retries": 0,
    "open_browser": False,
    "allow_remote_access": True,
}
config_dir = os.environ["JUPYTER_CONFIG_DIR"]


def write_config(name, section, values):
    with open(os.path.join(config_dir, name), "w") as file:
        json.dump({section: values, "ExtensionApp": {"open_browser": False}}, file, indent=1)


def announce(app_class, read_token):
    original = app_class.write_server_info_file

    def write_server_info_file(self):
        original(self)
        say("server ready: pid " + str(os.getpid()) + ", info file " + os.path.basename(self.info_file))

    app_class.write_server_info_file = write_server_info_file
    initialize = app_class.initialize

    # Once the server holds the token, kernels and terminals need not inherit it.
    def initialize_then_forget(self, *args, **kwargs):
        initialize(self, *args, **kwargs)
        read_token(self)
        os.environ.pop("JUPYTER_TOKEN", None)

    app_class.initialize = initialize_then_forget


if interface == "notebook" and not have("notebook.app") and have("notebook.notebookapp"):
    from notebook.notebookapp import NotebookApp

    def bind_tcp(self):
        self.http_server.add_sockets([listener])
        self.port = port
        return True

    NotebookApp._bind_http_server_tcp = bind_tcp
    announce(NotebookApp, lambda app: app.token)
    write_config("jupyter_notebook_config.json", "NotebookApp", dict(settings, notebook_dir=os.getcwd()))
    app, name = NotebookApp, "Jupyter Notebook (classic)"
else:
    if not have("jupyter_server"):
        fail("jupyter-missing", "Jupyter Server is not installed for " + python + " (no jupyter_server module).")
    from jupyter_server.serverapp import ServerApp

    def find_port(self):
        self.port = port

    def bind_tcp(self):
        self.http_server.add_sockets([listener])
        return True

    ServerApp._find_http_port = find_port
    ServerApp._bind_http_server_tcp = bind_tcp
    announce(ServerApp, lambda app: app.identity_provider.token)
    write_config("jupyter_server_config.json", "ServerApp", dict(settings, root_dir=os.getcwd()))
    if interface == "lab":
        from jupyterlab.labapp import LabApp as app
        name = "JupyterLab"
    elif have("notebook.app"):
        from notebook.app import JupyterNotebookApp as app
        name = "Jupyter Notebook"
    else:
        app, name = ServerApp, "Jupyter Server (the notebook package is missing)"

say("starting " + name + " with " + python)
app.launch_instance(argv=[])
)PY");
}

} // namespace app
