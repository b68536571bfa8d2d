// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>

namespace sshcore {

// Paths on the cluster, as the SFTP server sees them: bytes (no encoding is assumed), '/' as the
// only separator. Every place that builds or takes apart a remote path goes through these, so that
// "/" and trailing slashes are handled one way.
namespace RemotePath {

// directory + '/' + name, with exactly one slash between ("/" + "a" gives "/a"). An empty directory
// gives the name alone.
QByteArray join(const QByteArray &directory, const QByteArray &name);

// The folder holding path: "/a/b" gives "/a", "/a" and "/" give "/", a relative "a" gives ".".
// Trailing slashes are ignored ("/a/b/" gives "/a").
QByteArray parent(const QByteArray &path);

// The last part: "/a/b" and "/a/b/" give "b", "/" gives "/", "" gives "".
QByteArray baseName(const QByteArray &path);

// Repeated slashes folded, "." parts and trailing slashes dropped, ".." resolved against the part
// before it (never above the root: "/.." is "/"; a relative path keeps leading ".." parts).
// "~" and "~/…" are kept as they are, for the server to expand.
QByteArray normalize(const QByteArray &path);

// Whether path is absolute ("/…").
inline bool isAbsolute(const QByteArray &path)
{
    return path.startsWith('/');
}

} // namespace RemotePath

} // namespace sshcore
