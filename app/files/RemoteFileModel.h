// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/files/RemoteEntryOrder.h"
#include "app/files/RemotePathsMime.h"
#include "sshcore/Result.h"
#include "sshcore/sftp/SftpEntry.h"

#include <QAbstractItemModel>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <vector>

namespace sshcore {
class SftpClient;
class SshConnection;
} // namespace sshcore

namespace app {

// The files under one remote folder, for the Files area: a tree whose folders are listed over SFTP
// only when a view asks (fetchMore), in the background. Sorted with folders first; hidden files
// (".name") shown on request. A refresh merges the new listing in place, so selections and expanded
// folders survive it. Drags carry remote paths (RemotePathsMime); local files dropped on it (text/uri-list)
// become uploadRequested().
class RemoteFileModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, SizeColumn, ModifiedColumn, PermissionsColumn, ColumnCount };
    enum Role {
        PathRole = Qt::UserRole + 1, // QByteArray, absolute
        KindRole,                    // Kind
        SizeRole,                    // quint64
        ModifiedRole,                // qint64, seconds since the epoch
        PermissionsRole,             // quint32 mode bits
        SortRole,
    };
    enum class Kind { File, Folder, Link, Other };
    Q_ENUM(Kind)

    explicit RemoteFileModel(QObject *parent = nullptr);
    ~RemoteFileModel() override;

    // The connection to list through; clears the model. A null connection leaves it empty.
    void setConnection(sshcore::SshConnection *connection);
    // The profile the paths belong to, carried in drags.
    void setOrigin(const QString &profileId) { m_origin = profileId; }
    QString origin() const { return m_origin; }

    // Shows this folder (absolute path); listed at once.
    void setRootPath(const QByteArray &path);
    QByteArray rootPath() const;
    // Lists a folder again (the root if invalid), merging the result in.
    void refresh(const QModelIndex &folder = {});
    bool isLoading() const { return m_loading > 0; }

    void setShowHidden(bool show);
    bool showHidden() const { return m_showHidden; }

    QByteArray pathOf(const QModelIndex &index) const;
    QList<QByteArray> pathsOf(const QModelIndexList &indexes) const; // each once (rows come per column)
    bool isFolder(const QModelIndex &index) const;
    QModelIndex indexOf(const QByteArray &path) const; // among what is loaded

    // File operations on the server; the affected folder is listed again afterwards and the result
    // reported through operationFinished.
    void makeFolder(const QModelIndex &parentFolder, const QString &name);
    void remove(const QModelIndexList &indexes);
    // Renaming also goes through setData on the name.

    // QAbstractItemModel
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    // The remote paths a drag from this model carries (empty if it is not one).
    static QList<QByteArray> remotePaths(const QMimeData *data, QString *origin = nullptr)
    {
        return RemotePathsMime::decode(data, origin);
    }

Q_SIGNALS:
    void rootPathChanged(const QByteArray &path);
    void loadingChanged(bool loading);
    void folderLoaded(const QByteArray &path);
    void folderFailed(const QByteArray &path, const QString &error);
    // Local files dropped onto a remote folder: the Files area queues the upload.
    void uploadRequested(const QStringList &localPaths, const QByteArray &remoteFolder);
    // A rename, new folder or deletion finished: an empty error means it worked.
    void operationFinished(const QString &what, const QString &error);

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOfNode(const Node *node, int column = 0) const;
    void list(Node *folder);
    void merge(Node *folder, const QList<sshcore::SftpEntry> &entries);
    void sortChildren(Node *folder);
    void reorder(Node *folder, bool recursive);
    bool visible(const sshcore::SftpEntry &entry) const;
    void setLoading(int delta);
    void refreshPath(const QByteArray &folder);

    QPointer<sshcore::SshConnection> m_connection;
    std::unique_ptr<sshcore::SftpClient> m_sftp;
    std::unique_ptr<Node> m_root;
    QString m_origin;
    bool m_showHidden = false;
    RemoteEntryOrder m_order;
    int m_loading = 0;
    quint64 m_generation = 0; // a new root or connection: late listings of the old one are dropped
};

} // namespace app
