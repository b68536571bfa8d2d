-- SPDX-FileCopyrightText: 2026 The clusterdesk authors
-- SPDX-License-Identifier: GPL-3.0-or-later

help([[Python 3.13, from the system's packages.]])
whatis("Description: Python 3.13 interpreter")
setenv("PYTHON", "/usr/bin/python3")
setenv("PYTHONNOUSERSITE", "1")
