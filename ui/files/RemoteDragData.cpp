// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/files/RemoteDragData.h"

#include "ui/files/DragDownload.h"

#include <QUrl>

namespace ui {

using namespace Qt::StringLiterals;

RemoteDragData::RemoteDragData(DragDownload *download)
    : m_download(download)
{}

RemoteDragData::~RemoteDragData()
{
    if (m_download)
        m_download->dragEnded();
}

QStringList RemoteDragData::formats() const
{
    QStringList all = QMimeData::formats();
    if (!all.contains(u"text/uri-list"_s))
        all.append(u"text/uri-list"_s);
    return all;
}

bool RemoteDragData::hasFormat(const QString &type) const
{
    return type == u"text/uri-list" || QMimeData::hasFormat(type);
}

QVariant RemoteDragData::retrieveData(const QString &type, QMetaType preferred) const
{
    if (type != u"text/uri-list")
        return QMimeData::retrieveData(type, preferred);
    const QList<QUrl> urls = m_download ? m_download->completeUrls() : QList<QUrl>();
    return QVariant::fromValue(QList<QVariant>(urls.begin(), urls.end()));
}

} // namespace ui
