// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QString>

namespace app {

// A job script on this computer (opened from a file manager, `clusterdesk FILE`, or the editor's
// Open): read whole as UTF-8 text, refusing with a message that says why what is not a readable
// text file of a script's size, and written back atomically (a failed save leaves the old file).
// Plain functions on the calling thread: the editor runs them on a worker thread.
namespace LocalScriptFile {

// The largest file taken as a job script; anything bigger is something else opened by mistake.
inline constexpr qint64 MaximumSize = 4 * 1024 * 1024;

sshcore::Result<QString> read(const QString &path);
sshcore::Result<> write(const QString &path, const QString &text);

} // namespace LocalScriptFile

} // namespace app
