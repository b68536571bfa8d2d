// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>
#include <QWidget>

class QAction;
class QFileSystemModel;
class QLineEdit;

namespace ui {

class FileListView;

// The Files area's left pane: this computer's files, with its own history (Back, Up, Home), a path
// to type, and Upload. Remote paths dropped on it (from the cluster's pane) become
// downloadDropped().
class LocalPane : public QWidget
{
    Q_OBJECT

public:
    // showHidden is shared with the cluster's pane: one switch for both.
    explicit LocalPane(QAction *showHidden, QWidget *parent = nullptr);

    void setFolder(const QString &path);
    QString folder() const;
    // Whether there is a cluster to upload to.
    void setConnected(bool connected);

    FileListView *view() const { return m_view; }
    QFileSystemModel *model() const { return m_model; }

Q_SIGNALS:
    void uploadRequested(const QStringList &localPaths);
    void downloadDropped(const QList<QByteArray> &remotePaths, const QString &localFolder);
    void message(const QString &text);

private:
    void goBack();
    void goUp();
    void open(const QModelIndex &index);
    void showMenu(const QPoint &pos);
    void updateUpload();

    QAction *m_showHidden;
    QAction *m_upload;
    QFileSystemModel *m_model;
    FileListView *m_view;
    QLineEdit *m_path;
    QStringList m_history;
    bool m_connected = false;
};

} // namespace ui
