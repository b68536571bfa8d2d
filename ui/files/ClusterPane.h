// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArrayList>
#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;

namespace app {
class ClusterConnection;
class RemoteFileModel;
} // namespace app

namespace ui {

class FileListView;
class RemoteIconProxy;

// The Files area's right pane: the cluster's files, listed as a view asks (RemoteFileModel), with
// its own history, a path to type (relative paths resolved by the server), new folder, rename,
// delete (asked first), copy path, and a status line (how many items, the disk's free space, or why
// the folder cannot be listed). What goes across (downloads, uploads, edits) it asks the Files area
// for.
class ClusterPane : public QWidget
{
    Q_OBJECT

public:
    explicit ClusterPane(QAction *showHidden, QWidget *parent = nullptr);

    // The cluster shown; usable: it has a link and a transfer queue (else the pane is disabled).
    void setConnection(app::ClusterConnection *connection, bool usable);

    void setFolder(const QByteArray &path);
    QByteArray folder() const;
    // Lists folder again (if shown) after something arrived in it.
    void refreshAfterUpload(const QByteArray &folder);

    app::RemoteFileModel *model() const { return m_model; }
    RemoteIconProxy *proxy() const { return m_proxy; }
    FileListView *view() const { return m_view; }
    QLabel *status() const { return m_status; }

Q_SIGNALS:
    void downloadRequested(const QByteArrayList &remotePaths);
    void uploadDropped(const QStringList &localPaths, const QByteArray &remoteFolder);
    void editRequested(const QByteArray &remotePath);
    // A terminal on the login node, starting in this folder.
    void terminalRequested(const QByteArray &remoteFolder);
    void message(const QString &text);

private:
    void goBack();
    void goUp();
    void open(const QModelIndex &proxyIndex);
    void showMenu(const QPoint &pos);
    void newFolder();
    void renameCurrent();
    void deleteSelected();
    void copyPaths();
    void updateFreeSpace();
    void updateStatus();

    QPointer<app::ClusterConnection> m_connection;
    QAction *m_showHidden;
    QAction *m_download;
    app::RemoteFileModel *m_model;
    RemoteIconProxy *m_proxy;
    FileListView *m_view;
    QLineEdit *m_path;
    QLabel *m_title;
    QLabel *m_status;
    QByteArrayList m_history;
    QString m_freeSpace;
    quint64 m_navigation = 0; // folder changes asked for: an answer to an older one is dropped
    QString m_problem;        // why the folder shown cannot be listed
};

} // namespace ui
