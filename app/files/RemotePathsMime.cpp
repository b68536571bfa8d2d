// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/files/RemotePathsMime.h"

#include <QMimeData>
#include <QStringList>

namespace app::RemotePathsMime {

QMimeData *encode(const QString &origin, const QList<QByteArray> &paths)
{
    if (paths.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    QByteArray encoded = origin.toUtf8().toBase64();
    QStringList text;
    for (const QByteArray &path : paths) {
        encoded += '\n' + path.toBase64();
        text.append(QString::fromUtf8(path));
    }
    data->setData(QString::fromLatin1(Type), encoded);
    data->setText(text.join(u'\n'));
    return data;
}

QList<QByteArray> decode(const QMimeData *data, QString *origin)
{
    if (!data || !data->hasFormat(QString::fromLatin1(Type)))
        return {};
    const QList<QByteArray> lines = data->data(QString::fromLatin1(Type)).split('\n');
    if (origin)
        *origin = QString::fromUtf8(QByteArray::fromBase64(lines.value(0)));
    QList<QByteArray> paths;
    for (qsizetype i = 1; i < lines.size(); ++i)
        paths.append(QByteArray::fromBase64(lines.at(i)));
    return paths;
}

} // namespace app::RemotePathsMime
