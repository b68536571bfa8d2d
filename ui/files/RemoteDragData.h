// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QMimeData>
#include <QPointer>

namespace ui {

class DragDownload;

// What a drag out of the cluster's pane carries. clusterdesk's own panes read the remote paths
// (RemoteFileModel's format); anything else (a file manager, a desktop) asks for file URLs, and
// gets, at once, those of the files its DragDownload has completely downloaded (the rest it is
// told about in the window). The drop target asks in the middle of its drop, synchronously: the
// answer never waits for the cluster.
//
// The data going away (the drag over, and any late question from the target answered) ends the drag
// for its DragDownload, which decides whether its downloads go on. Only a QPointer to it is kept:
// the Files area may go first.
class RemoteDragData : public QMimeData
{
public:
    explicit RemoteDragData(DragDownload *download);
    ~RemoteDragData() override;

    QStringList formats() const override;
    bool hasFormat(const QString &type) const override;

protected:
    QVariant retrieveData(const QString &type, QMetaType preferred) const override;

private:
    QPointer<DragDownload> m_download;
};

} // namespace ui
