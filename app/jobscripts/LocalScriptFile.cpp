// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobscripts/LocalScriptFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStringDecoder>

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::LocalScriptFile)
};

sshcore::ErrorKind kindOf(QFileDevice::FileError error, const QFileInfo &info)
{
    if (!info.exists())
        return sshcore::ErrorKind::NotFound;
    if (error == QFileDevice::PermissionsError)
        return sshcore::ErrorKind::PermissionDenied;
    return sshcore::ErrorKind::Other;
}

} // namespace

sshcore::Result<QString> LocalScriptFile::read(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists())
        return sshcore::failure(sshcore::ErrorKind::NotFound,
                                Tr::tr("Cannot open %1: there is no such file.").arg(shown));
    if (info.isDir())
        return sshcore::failure(Tr::tr("Cannot open %1: it is a folder, not a job script.").arg(shown));
    if (info.size() > MaximumSize)
        return sshcore::failure(Tr::tr("Cannot open %1: at %2 MiB it is too big to be a job script.")
                                    .arg(shown)
                                    .arg(double(info.size()) / (1024 * 1024), 0, 'f', 1));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return sshcore::failure(kindOf(file.error(), info),
                                Tr::tr("Cannot open %1: %2").arg(shown, file.errorString()));
    const QByteArray bytes = file.read(MaximumSize + 1);
    if (file.error() != QFileDevice::NoError)
        return sshcore::failure(Tr::tr("Cannot read %1: %2").arg(shown, file.errorString()));
    // A script is text: a NUL byte or bytes that are not UTF-8 mean something else was picked.
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    if (bytes.contains('\0') || decoder.hasError())
        return sshcore::failure(sshcore::ErrorKind::Malformed,
                                Tr::tr("Cannot open %1: it is not a text file in UTF-8, so not a job script.")
                                    .arg(shown));
    return text;
}

sshcore::Result<> LocalScriptFile::write(const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        const QFileInfo info(QFileInfo(path).absolutePath());
        return sshcore::failure(kindOf(file.error(), info),
                                Tr::tr("Cannot save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    return {};
}

} // namespace app
