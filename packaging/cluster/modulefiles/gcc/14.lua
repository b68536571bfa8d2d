-- SPDX-FileCopyrightText: 2026 The clusterdesk authors
-- SPDX-License-Identifier: GPL-3.0-or-later

help([[GNU C and C++ compilers 14, from the system's packages.]])
whatis("Description: GNU compilers 14 (gcc, g++)")
setenv("CC", "gcc-14")
setenv("CXX", "g++-14")
