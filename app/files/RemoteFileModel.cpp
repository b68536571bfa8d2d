// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/files/RemoteFileModel.h"

#include "sshcore/RemotePath.h"
#include "sshcore/SshConnection.h"
#include "sshcore/sftp/PermissionString.h"
#include "sshcore/sftp/SftpClient.h"

#include <QDateTime>
#include <QLocale>
#include <QMimeData>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace app {

using sshcore::Result;
using sshcore::SftpEntry;

struct RemoteFileModel::Node
{
    SftpEntry entry; // entry.name: the last part of path
    QByteArray path;
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;
    bool listed = false;
    bool listing = false;
    QList<SftpEntry> all; // the last listing, hidden files included
    QString error;

    bool isFolder() const { return entry.type == SftpEntry::Type::Directory; }
    void renumber()
    {
        for (std::size_t i = 0; i < children.size(); ++i)
            children[i]->row = int(i);
    }
};

namespace {
RemoteFileModel::Kind kindOf(SftpEntry::Type type)
{
    switch (type) {
    case SftpEntry::Type::Directory: return RemoteFileModel::Kind::Folder;
    case SftpEntry::Type::File: return RemoteFileModel::Kind::File;
    case SftpEntry::Type::Symlink: return RemoteFileModel::Kind::Link;
    case SftpEntry::Type::Other: break;
    }
    return RemoteFileModel::Kind::Other;
}

} // namespace

RemoteFileModel::RemoteFileModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
    m_root->entry.type = SftpEntry::Type::Directory;
}

RemoteFileModel::~RemoteFileModel() = default;

void RemoteFileModel::setConnection(sshcore::SshConnection *connection)
{
    m_connection = connection;
    m_sftp = connection ? std::make_unique<sshcore::SftpClient>(connection) : nullptr;
    const QByteArray path = m_root->path;
    beginResetModel();
    ++m_generation;
    m_root = std::make_unique<Node>();
    m_root->entry.type = SftpEntry::Type::Directory;
    m_root->path = path;
    setLoading(-m_loading);
    endResetModel();
    if (m_sftp && !path.isEmpty())
        list(m_root.get());
}

void RemoteFileModel::setRootPath(const QByteArray &path)
{
    QByteArray clean = path;
    while (clean.size() > 1 && clean.endsWith('/'))
        clean.chop(1);
    beginResetModel();
    ++m_generation;
    m_root = std::make_unique<Node>();
    m_root->entry.type = SftpEntry::Type::Directory;
    m_root->entry.name = sshcore::baseName(clean);
    m_root->path = clean;
    setLoading(-m_loading);
    endResetModel();
    Q_EMIT rootPathChanged(clean);
    if (m_sftp)
        list(m_root.get());
}

QByteArray RemoteFileModel::rootPath() const
{
    return m_root->path;
}

void RemoteFileModel::setLoading(int delta)
{
    const bool was = m_loading > 0;
    m_loading += delta;
    if (was != (m_loading > 0))
        Q_EMIT loadingChanged(m_loading > 0);
}

void RemoteFileModel::refresh(const QModelIndex &folder)
{
    Node *node = folder.isValid() ? nodeOf(folder) : m_root.get();
    if (!node || !node->isFolder())
        return;
    // The folder and every folder under it that a view opened.
    std::vector<Node *> stack{node};
    while (!stack.empty()) {
        Node *current = stack.back();
        stack.pop_back();
        if (current == node || current->listed)
            list(current);
        for (const auto &child : current->children) {
            if (child->listed)
                stack.push_back(child.get());
        }
    }
}

void RemoteFileModel::refreshPath(const QByteArray &folder)
{
    const QModelIndex index = indexOf(folder);
    if (index.isValid() || folder == m_root->path)
        refresh(index);
}

void RemoteFileModel::setShowHidden(bool show)
{
    if (show == m_showHidden)
        return;
    m_showHidden = show;
    // Every listed folder again from what it last listed (no round trip).
    std::vector<Node *> stack{m_root.get()};
    while (!stack.empty()) {
        Node *current = stack.back();
        stack.pop_back();
        if (current->listed)
            merge(current, current->all);
        for (const auto &child : current->children)
            stack.push_back(child.get());
    }
}

bool RemoteFileModel::visible(const SftpEntry &entry) const
{
    return m_showHidden || !entry.name.startsWith('.');
}

void RemoteFileModel::list(Node *folder)
{
    if (!m_sftp || folder->listing)
        return;
    folder->listing = true;
    setLoading(+1);
    const quint64 generation = m_generation;
    const QByteArray path = folder->path;
    m_sftp->list(path, this, [this, generation, path](const Result<QList<SftpEntry>> &entries) {
        if (generation != m_generation)
            return;
        setLoading(-1);
        const QModelIndex index = indexOf(path);
        Node *node = index.isValid() ? nodeOf(index) : path == m_root->path ? m_root.get() : nullptr;
        if (!node)
            return; // it went away meanwhile
        node->listing = false;
        node->listed = true;
        if (!entries) {
            node->error = entries.error().message;
            Q_EMIT folderFailed(path, entries.error().message);
            return;
        }
        node->error.clear();
        node->all = *entries;
        merge(node, *entries);
        Q_EMIT folderLoaded(path);
    });
}

void RemoteFileModel::merge(Node *folder, const QList<SftpEntry> &entries)
{
    const QModelIndex parent = indexOfNode(folder);
    QHash<QByteArray, const SftpEntry *> incoming;
    for (const SftpEntry &entry : entries) {
        if (visible(entry))
            incoming.insert(entry.name, &entry);
    }
    // Gone (or changed between file and folder): removed, from the end so rows above stay put.
    for (int row = int(folder->children.size()) - 1; row >= 0; --row) {
        Node &child = *folder->children[std::size_t(row)];
        const auto found = incoming.constFind(child.entry.name);
        if (found != incoming.constEnd() && (*found)->type == child.entry.type)
            continue;
        beginRemoveRows(parent, row, row);
        folder->children.erase(folder->children.begin() + row);
        folder->renumber();
        endRemoveRows();
    }
    // Still there: updated in place.
    for (const auto &child : folder->children) {
        const SftpEntry *fresh = incoming.take(child->entry.name);
        if (fresh && !(*fresh == child->entry)) {
            child->entry = *fresh;
            Q_EMIT dataChanged(index(child->row, 0, parent), index(child->row, ColumnCount - 1, parent));
        }
    }
    // New: inserted together, then put in order.
    if (incoming.isEmpty())
        return;
    std::vector<std::unique_ptr<Node>> added;
    for (const SftpEntry &entry : entries) {
        if (!incoming.contains(entry.name))
            continue;
        auto node = std::make_unique<Node>();
        node->entry = entry;
        node->path = sshcore::RemotePath::join(folder->path, entry.name);
        node->parent = folder;
        added.push_back(std::move(node));
    }
    const bool wasEmpty = folder->children.empty();
    std::stable_sort(added.begin(), added.end(),
                     [this](const auto &a, const auto &b) { return m_order.lessThan(a->entry, b->entry); });
    const int first = int(folder->children.size());
    beginInsertRows(parent, first, first + int(added.size()) - 1);
    for (auto &node : added)
        folder->children.push_back(std::move(node));
    folder->renumber();
    endInsertRows();
    if (!wasEmpty)
        sortChildren(folder);
}

void RemoteFileModel::sortChildren(Node *folder)
{
    reorder(folder, false);
}

void RemoteFileModel::sort(int column, Qt::SortOrder order)
{
    const auto key = column == SizeColumn          ? RemoteEntryOrder::Key::Size
                     : column == ModifiedColumn    ? RemoteEntryOrder::Key::Modified
                     : column == PermissionsColumn ? RemoteEntryOrder::Key::Permissions
                                                   : RemoteEntryOrder::Key::Name;
    m_order.set(key, order);
    reorder(m_root.get(), true);
}

// Puts a folder's rows (and with recursive, every listed folder's under it) in order, moving the
// persistent indexes (selections, the current row) with their rows.
void RemoteFileModel::reorder(Node *folder, bool recursive)
{
    const QList<QPersistentModelIndex> parents = recursive ? QList<QPersistentModelIndex>()
                                                           : QList<QPersistentModelIndex>{
                                                                 QPersistentModelIndex(indexOfNode(folder))};
    Q_EMIT layoutAboutToBeChanged(parents, QAbstractItemModel::VerticalSortHint);
    std::vector<Node *> stack{folder};
    while (!stack.empty()) {
        Node *current = stack.back();
        stack.pop_back();
        std::stable_sort(current->children.begin(), current->children.end(),
                         [this](const auto &a, const auto &b) { return m_order.lessThan(a->entry, b->entry); });
        current->renumber();
        if (recursive) {
            for (const auto &child : current->children)
                stack.push_back(child.get());
        }
    }
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &old : before) {
        Node *node = static_cast<Node *>(old.internalPointer());
        after.append(createIndex(node->row, old.column(), node));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged(parents, QAbstractItemModel::VerticalSortHint);
}

// --- paths -------------------------------------------------------------------------------------------

QByteArray RemoteFileModel::pathOf(const QModelIndex &index) const
{
    const Node *node = index.isValid() ? nodeOf(index) : m_root.get();
    return node ? node->path : QByteArray();
}

QList<QByteArray> RemoteFileModel::pathsOf(const QModelIndexList &indexes) const
{
    // A selected row comes once per column: each path once, in the order given.
    QList<QByteArray> paths;
    QSet<QByteArray> seen;
    for (const QModelIndex &index : indexes) {
        const QByteArray path = pathOf(index);
        if (index.isValid() && !seen.contains(path)) {
            seen.insert(path);
            paths.append(path);
        }
    }
    return paths;
}

bool RemoteFileModel::isFolder(const QModelIndex &index) const
{
    const Node *node = index.isValid() ? nodeOf(index) : m_root.get();
    return node && node->isFolder();
}

QModelIndex RemoteFileModel::indexOf(const QByteArray &path) const
{
    const QByteArray base = m_root->path;
    if (path == base || base.isEmpty())
        return {};
    const QByteArray prefix = base.endsWith('/') ? base : QByteArray(base + '/');
    if (!path.startsWith(prefix))
        return {};
    const Node *node = m_root.get();
    for (const QByteArray &part : path.mid(prefix.size()).split('/')) {
        if (part.isEmpty())
            continue;
        const auto found = std::ranges::find_if(node->children,
                                                [&](const auto &child) { return child->entry.name == part; });
        if (found == node->children.end())
            return {};
        node = found->get();
    }
    return indexOfNode(node);
}

RemoteFileModel::Node *RemoteFileModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex RemoteFileModel::indexOfNode(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

// --- operations ---------------------------------------------------------------------------------------

void RemoteFileModel::makeFolder(const QModelIndex &parentFolder, const QString &name)
{
    const QString what = tr("New folder");
    if (!m_sftp) {
        Q_EMIT operationFinished(what, tr("Not connected."));
        return;
    }
    if (name.isEmpty() || name.contains(u'/') || name == u"." || name == u"..") {
        Q_EMIT operationFinished(what, tr("'%1' cannot be a folder name.").arg(name));
        return;
    }
    const QByteArray folder = pathOf(parentFolder);
    const QByteArray path = sshcore::RemotePath::join(folder, name.toUtf8());
    m_sftp->stat(path, this, [this, what, folder, path](const Result<SftpEntry> &existing) {
        if (existing) {
            Q_EMIT operationFinished(what, tr("'%1' already exists.").arg(QString::fromUtf8(path)));
            return;
        }
        m_sftp->makePath(path, this, [this, what, folder](const Result<> &made) {
            refreshPath(folder);
            Q_EMIT operationFinished(what, made ? QString() : made.error().message);
        });
    });
}

void RemoteFileModel::remove(const QModelIndexList &indexes)
{
    const QString what = tr("Delete");
    if (!m_sftp) {
        Q_EMIT operationFinished(what, tr("Not connected."));
        return;
    }
    const QList<QByteArray> paths = pathsOf(indexes);
    if (paths.isEmpty())
        return;
    auto left = std::make_shared<qsizetype>(paths.size());
    auto errors = std::make_shared<QStringList>();
    for (const QByteArray &path : std::as_const(paths)) {
        m_sftp->remove(path, true, this, [this, what, path, left, errors](const Result<> &removed) {
            if (!removed)
                errors->append(removed.error().message);
            refreshPath(sshcore::RemotePath::parent(path));
            if (--*left == 0)
                Q_EMIT operationFinished(what, errors->join(u'\n'));
        });
    }
}

// --- the model ------------------------------------------------------------------------------------------

QModelIndex RemoteFileModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *folder = parent.isValid() ? nodeOf(parent) : m_root.get();
    if (!folder || row < 0 || column < 0 || column >= ColumnCount || row >= int(folder->children.size())
        || (parent.isValid() && parent.column() != 0))
        return {};
    return createIndex(row, column, folder->children[std::size_t(row)].get());
}

QModelIndex RemoteFileModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeOf(child);
    if (!node || node->parent == m_root.get() || !node->parent)
        return {};
    return indexOfNode(node->parent);
}

int RemoteFileModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const Node *folder = parent.isValid() ? nodeOf(parent) : m_root.get();
    return folder ? int(folder->children.size()) : 0;
}

int RemoteFileModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() && parent.column() != 0 ? 0 : ColumnCount;
}

bool RemoteFileModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Node *folder = parent.isValid() ? nodeOf(parent) : m_root.get();
    return folder && folder->isFolder() && (!folder->listed || !folder->children.empty());
}

bool RemoteFileModel::canFetchMore(const QModelIndex &parent) const
{
    const Node *folder = parent.isValid() ? nodeOf(parent) : m_root.get();
    return m_sftp && folder && folder->isFolder() && !folder->listed && !folder->listing && !folder->path.isEmpty();
}

void RemoteFileModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        list(parent.isValid() ? nodeOf(parent) : m_root.get());
}

QVariant RemoteFileModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return {};
    const SftpEntry &entry = node->entry;
    const Kind kind = kindOf(entry.type);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return QString::fromUtf8(entry.name);
        case SizeColumn: return kind == Kind::Folder ? QString() : QLocale().formattedDataSize(qint64(entry.size), 1);
        case ModifiedColumn:
            return QLocale().toString(QDateTime::fromSecsSinceEpoch(entry.modified).toLocalTime(),
                                      QLocale::ShortFormat);
        case PermissionsColumn: return sshcore::permissionString(entry.type, entry.permissions);
        default: return {};
        }
    case Qt::EditRole: return index.column() == NameColumn ? QVariant(QString::fromUtf8(entry.name)) : QVariant();
    case Qt::ToolTipRole:
        return node->error.isEmpty() ? QString::fromUtf8(node->path)
                                     : QStringLiteral("%1\n%2").arg(QString::fromUtf8(node->path), node->error);
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case PathRole: return node->path;
    case KindRole: return QVariant::fromValue(kind);
    case SizeRole: return QVariant::fromValue(entry.size);
    case ModifiedRole: return QVariant::fromValue(entry.modified);
    case PermissionsRole: return QVariant::fromValue(entry.permissions);
    default: return {};
    }
}

bool RemoteFileModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    Node *node = nodeOf(index);
    if (!node || role != Qt::EditRole || index.column() != NameColumn || !m_sftp)
        return false;
    const QString name = value.toString();
    const QString what = tr("Rename");
    if (name == QString::fromUtf8(node->entry.name))
        return false;
    if (name.isEmpty() || name.contains(u'/') || name == u"." || name == u"..") {
        Q_EMIT operationFinished(what, tr("'%1' cannot be a file name.").arg(name));
        return false;
    }
    const QByteArray folder = node->parent->path;
    const QByteArray from = node->path;
    const QByteArray to = sshcore::RemotePath::join(folder, name.toUtf8());
    // Never over an existing file: a rename in the file browser is not a way to lose one.
    m_sftp->stat(to, this, [this, what, folder, from, to](const Result<SftpEntry> &existing) {
        if (existing) {
            Q_EMIT operationFinished(what, tr("'%1' already exists.").arg(QString::fromUtf8(to)));
            return;
        }
        m_sftp->rename(from, to, this, [this, what, folder](const Result<> &renamed) {
            refreshPath(folder);
            Q_EMIT operationFinished(what, renamed ? QString() : renamed.error().message);
        });
    });
    return true;
}

QVariant RemoteFileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && section == SizeColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case SizeColumn: return tr("Size");
    case ModifiedColumn: return tr("Modified");
    case PermissionsColumn: return tr("Permissions");
    default: return {};
    }
}

Qt::ItemFlags RemoteFileModel::flags(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return Qt::ItemIsDropEnabled; // the root folder
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsDragEnabled;
    if (index.column() == NameColumn)
        flags |= Qt::ItemIsEditable;
    if (node->isFolder())
        flags |= Qt::ItemIsDropEnabled;
    else
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QStringList RemoteFileModel::mimeTypes() const
{
    return {QStringLiteral("text/uri-list")};
}

QMimeData *RemoteFileModel::mimeData(const QModelIndexList &indexes) const
{
    return RemotePathsMime::encode(m_origin, pathsOf(indexes));
}

Qt::DropActions RemoteFileModel::supportedDropActions() const
{
    return Qt::CopyAction;
}

Qt::DropActions RemoteFileModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

bool RemoteFileModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                      const QModelIndex &parent) const
{
    Q_UNUSED(row)
    Q_UNUSED(column)
    if (!m_sftp || !data || !data->hasUrls() || action != Qt::CopyAction || !isFolder(parent))
        return false;
    const QList<QUrl> urls = data->urls();
    return std::ranges::all_of(urls, [](const QUrl &url) { return url.isLocalFile(); });
}

bool RemoteFileModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                   const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    QStringList local;
    for (const QUrl &url : data->urls())
        local.append(url.toLocalFile());
    Q_EMIT uploadRequested(local, pathOf(parent));
    return true;
}

} // namespace app
