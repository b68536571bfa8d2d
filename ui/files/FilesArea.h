// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArrayList>
#include <QModelIndexList>
#include <QPointer>
#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QMimeData;
class QTemporaryDir;

namespace app {
class ClusterConnection;
class RemoteFileModel;
class TransferQueue;
} // namespace app

namespace ui {

class ClusterPane;
class ConflictPrompt;
class DragDownload;
class FileListView;
class LocalPane;
class RemoteIconProxy;
class TransferPanel;

// The Files area: this computer's files on the left (LocalPane), the cluster's on the right
// (ClusterPane), the transfer queue below. Files go across by dragging (also from the desktop's
// file manager onto the cluster's pane, and out of it to the desktop), or with Upload/Download;
// everything goes through the cluster's transfer queue, whose conflicts ConflictPrompt asks about.
class FilesArea : public QWidget
{
    Q_OBJECT

public:
    explicit FilesArea(QWidget *parent = nullptr);
    ~FilesArea() override;

    // The cluster to show (null: none). Its home folder, or the profile's remote folder, is shown
    // first.
    void setConnection(app::ClusterConnection *connection);

    void setLocalFolder(const QString &path);
    QString localFolder() const;
    void setRemoteFolder(const QByteArray &path);
    QByteArray remoteFolder() const;

    // Queue transfers into a folder (empty: the one shown).
    void upload(const QStringList &localPaths, const QByteArray &remoteFolder = {});
    void download(const QByteArrayList &remotePaths, const QString &localFolder = {});

    // What a drag of these rows of the cluster's pane carries: the remote paths for clusterdesk's
    // panes, and file URLs for anything else. Their download starts now, into a folder of the drag's
    // own (see DragDownload); a drop outside clusterdesk gets what has arrived, and a
    // DragDownloadBox tells of the rest.
    QMimeData *remoteDrag(const QModelIndexList &rows);

    // Opens a remote text file in an editor window; saving puts it back (safely, through the queue,
    // keeping its mode).
    void editRemoteFile(const QByteArray &path);

    app::RemoteFileModel *remoteModel() const;
    RemoteIconProxy *remoteProxy() const;
    FileListView *localView() const;
    FileListView *remoteView() const;
    TransferPanel *transferPanel() const { return m_transfers; }
    QLabel *remoteStatus() const;

Q_SIGNALS:
    void message(const QString &text); // for the status bar
    // Open Terminal Here, in the cluster pane.
    void terminalRequested(const QString &remoteFolder);

private:
    void jobFinished(int id);
    void showDragDownloads(DragDownload *download);
    QString newDragFolder();
    app::TransferQueue *queue() const;

    QPointer<app::ClusterConnection> m_connection;
    QPointer<app::TransferQueue> m_queue; // the connection's, when it was shown
    QAction *m_showHidden;
    LocalPane *m_local;
    ClusterPane *m_cluster;
    TransferPanel *m_transfers;
    ConflictPrompt *m_conflicts;
    // Local copies of what was dragged out, as long as the window: a folder per drag in it.
    std::unique_ptr<QTemporaryDir> m_dragDir;
    int m_drags = 0;
};

} // namespace ui
