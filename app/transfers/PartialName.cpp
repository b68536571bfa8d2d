// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/transfers/PartialName.h"

#include "sshcore/RemotePath.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace app {

namespace {
const QByteArray suffix = QByteArrayLiteral(".cdpart");
constexpr qsizetype hashLength = 12; // hex digits: 48 bits
} // namespace

QByteArray PartialName::forName(const QByteArray &name)
{
    QByteArray plain = '.' + name + suffix;
    if (plain.size() <= nameMax)
        return plain;
    const QByteArray tag = '~' + QCryptographicHash::hash(name, QCryptographicHash::Sha256).toHex().left(hashLength);
    qsizetype keep = nameMax - 1 - tag.size() - suffix.size();
    // Not in the middle of a UTF-8 sequence (its continuation bytes are 10xxxxxx): the name stays
    // readable where it was.
    while (keep > 0 && (uchar(name.at(keep)) & 0xC0) == 0x80)
        --keep;
    return '.' + name.left(keep) + tag + suffix;
}

QByteArray PartialName::forRemote(const QByteArray &remotePath)
{
    return sshcore::RemotePath::join(sshcore::RemotePath::parent(remotePath),
                                     forName(sshcore::RemotePath::baseName(remotePath)));
}

QString PartialName::forLocal(const QString &localPath)
{
    const QFileInfo info(localPath);
    return info.dir().filePath(QFile::decodeName(forName(QFile::encodeName(info.fileName()))));
}

} // namespace app
