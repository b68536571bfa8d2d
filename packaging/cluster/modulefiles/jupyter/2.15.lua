-- SPDX-FileCopyrightText: 2026 The clusterdesk authors
-- SPDX-License-Identifier: GPL-3.0-or-later

help([[Jupyter Server 2.15 for Python 3.13, from the system's packages.]])
whatis("Description: Jupyter Server (jupyter server, jupyter-server)")
depends_on("python/3.13")
setenv("JUPYTER_PLATFORM_DIRS", "1")
