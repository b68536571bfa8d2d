// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/RemotePath.h"

#include <QList>

namespace sshcore::RemotePath {

namespace {

QByteArray withoutTrailingSlashes(const QByteArray &path)
{
    qsizetype end = path.size();
    while (end > 1 && path.at(end - 1) == '/')
        --end;
    return path.left(end);
}

} // namespace

QByteArray join(const QByteArray &directory, const QByteArray &name)
{
    if (directory.isEmpty())
        return name;
    if (directory.endsWith('/'))
        return directory + name;
    return directory + '/' + name;
}

QByteArray parent(const QByteArray &path)
{
    const QByteArray trimmed = withoutTrailingSlashes(path);
    const qsizetype slash = trimmed.lastIndexOf('/');
    if (slash < 0)
        return QByteArrayLiteral(".");
    if (slash == 0)
        return QByteArrayLiteral("/");
    return withoutTrailingSlashes(trimmed.left(slash));
}

QByteArray baseName(const QByteArray &path)
{
    const QByteArray trimmed = withoutTrailingSlashes(path);
    if (trimmed == "/")
        return trimmed;
    return trimmed.mid(trimmed.lastIndexOf('/') + 1);
}

QByteArray normalize(const QByteArray &path)
{
    if (path.isEmpty())
        return path;
    const bool absolute = isAbsolute(path);
    QList<QByteArray> parts;
    for (const QByteArray &part : path.split('/')) {
        if (part.isEmpty() || part == ".")
            continue;
        if (part == "..") {
            if (!parts.isEmpty() && parts.last() != "..")
                parts.removeLast();
            else if (!absolute)
                parts.append(part);
            continue;
        }
        parts.append(part);
    }
    QByteArray joined = parts.join('/');
    if (absolute)
        return '/' + joined;
    return joined.isEmpty() ? QByteArrayLiteral(".") : joined;
}

} // namespace sshcore::RemotePath
