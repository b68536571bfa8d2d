#pragma once

#include "app/transfers/TransferQueue.h"

#include <QModelIndexList>
#include <QPointer>
#include <QWidget>

class QAction;
class QFileSystemModel;
class QLabel;
class QLineEdit;
class QMessageBox;
class QMimeData;
class QTemporaryDir;
class QToolButton;

namespace app {
class ClusterConnection;
class RemoteFileModel;
} // namespace app

namespace ui {

class FileListView;
class RemoteIconProxy;
class TransferPanel;

// The Files area: this computer's files on the left, the cluster's on the right, the transfer queue
// below. Files go across by dragging (also from the desktop's file manager onto the cluster's pane,
// and out of it to the desktop), or with Upload/Download; everything goes through the cluster's
// transfer queue.
class FilesArea : public QWidget
{
    Q_OBJECT

public:
    explicit FilesArea(QWidget *parent = nullptr);
    ~FilesArea() override;

    // The cluster to show (null: none). Its home folder, or the profile's remote folder, is shown first.
    void setConnection(app::ClusterConnection *connection);

    void setLocalFolder(const QString &path);
    QString localFolder() const;
    void setRemoteFolder(const QByteArray &path);
    QByteArray remoteFolder() const;

    // Queue transfers into a folder (empty: the one shown).
    void upload(const QStringList &localPaths, const QByteArray &remoteFolder = {});
    void download(const QList<QByteArray> &remotePaths, const QString &localFolder = {});

    // What a drag of these rows of the cluster's pane carries: the remote paths for clusterdesk's panes,
    // and file URLs for anything else, downloaded (once) when first asked for.
    QMimeData *remoteDrag(const QModelIndexList &rows);

    // Opens a remote text file in an editor window; saving puts it back (safely, through the queue).
    void editRemoteFile(const QByteArray &path);

    app::RemoteFileModel *remoteModel() const { return m_remoteModel; }
    FileListView *localView() const { return m_localView; }
    FileListView *remoteView() const { return m_remoteView; }
    TransferPanel *transferPanel() const { return m_transfers; }
    QLabel *remoteStatus() const { return m_remoteStatus; }

Q_SIGNALS:
    void message(const QString &text); // for the status bar

private:
    QWidget *makeLocalPane();
    QWidget *makeRemotePane();
    void goBack(bool remote);
    void goUp(bool remote);
    void openLocal(const QModelIndex &index);
    void openRemote(const QModelIndex &index);
    void localMenu(const QPoint &pos);
    void remoteMenu(const QPoint &pos);
    void newRemoteFolder();
    void renameRemote();
    void deleteRemote();
    void copyRemotePaths();
    void updateFreeSpace();
    void updateRemoteStatus();
    void askConflict(const app::TransferQueue::ConflictQuestion &question);
    void showNextConflict();
    app::TransferQueue *queue() const;

    QPointer<app::ClusterConnection> m_connection;
    QPointer<app::TransferQueue> m_queue; // the connection's, when it was shown
    QFileSystemModel *m_localModel;
    app::RemoteFileModel *m_remoteModel;
    RemoteIconProxy *m_remoteProxy;
    FileListView *m_localView;
    FileListView *m_remoteView;
    QLineEdit *m_localPath;
    QLineEdit *m_remotePath;
    QLabel *m_remoteTitle;
    QLabel *m_remoteStatus;
    QAction *m_showHidden;
    QAction *m_upload;
    QAction *m_download;
    TransferPanel *m_transfers;
    QStringList m_localHistory;
    QList<QByteArray> m_remoteHistory;
    QString m_freeSpace;
    quint64 m_navigation = 0; // remote folder changes asked for
    QString m_remoteProblem;
    std::unique_ptr<QTemporaryDir> m_dragDir;
    QList<app::TransferQueue::ConflictQuestion> m_conflicts; // waiting for an answer, the first one asked
    QPointer<QMessageBox> m_conflictBox;
};

} // namespace ui
