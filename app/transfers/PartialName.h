// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>

namespace app {

// The name a file is written under until it is complete (".NAME.cdpart" beside it), on either side.
// Derived from the final name alone, so that a later run finds a partial copy again and resumes it.
// A name too long for that (file systems allow 255 bytes) keeps its beginning and gets a short hash
// of the whole name instead of the rest: still the same for the same name, and unlikely to be that
// of another file.
class PartialName
{
public:
    static constexpr qsizetype nameMax = 255; // bytes in one name (NAME_MAX on Linux and most servers)

    // For a file name (bytes, as the file system has them).
    static QByteArray forName(const QByteArray &name);
    // For an absolute remote path.
    static QByteArray forRemote(const QByteArray &remotePath);
    // For a local path.
    static QString forLocal(const QString &localPath);
};

} // namespace app
