// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace app {

// The small Python program the Jupyter job runs with the environment's python3. It binds the
// server's TCP socket itself (port 0 on the node's address) and hands that socket to the server, so
// that the port in the server's info file is the one it listens on, with no window in which another
// process could take it. The token is made here, on the node, and passed to the server through its
// environment only. Its settings come from environment variables (CLUSTERDESK_JUPYTER_INTERFACE:
// "lab" or "notebook"; JUPYTER_RUNTIME_DIR, JUPYTER_CONFIG_DIR), so its text is the same for every job
// and goes into the script through a quoted here-document, untouched by the shell.
QString jupyterLauncherSource();

// The prefix of every line the job and the launcher print about their own steps.
inline constexpr char jupyterMarker[] = "clusterdesk-jupyter:";

} // namespace app
