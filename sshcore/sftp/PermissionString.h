// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/sftp/SftpEntry.h"

#include <QString>

namespace sshcore {

// What `ls -l` shows for an entry's type and mode, e.g. "drwxr-xr-x" or "-rwsr-sr-t": the type
// ('d' folder, 'l' link, '-' anything else), then read, write and execute for owner, group and
// others, with the setuid and setgid bits in the owner's and group's execute places and the sticky
// bit in the others' (lower case when that execute bit is set too, upper case when not).
// The one formatter for the CLI's listing and the Files area's permissions column.
QString permissionString(SftpEntry::Type type, quint32 mode);

} // namespace sshcore
