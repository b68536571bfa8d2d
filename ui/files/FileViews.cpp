// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/files/FileViews.h"

#include "app/files/RemoteFileModel.h"

#include <QDrag>
#include <QDragEnterEvent>
#include <QFileIconProvider>
#include <QHeaderView>
#include <QMimeData>
#include <QMimeDatabase>

namespace ui {

QVariant RemoteIconProxy::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DecorationRole || index.column() != app::RemoteFileModel::NameColumn)
        return QIdentityProxyModel::data(index, role);
    static const QFileIconProvider provider;
    const auto kind = QIdentityProxyModel::data(index, app::RemoteFileModel::KindRole)
                          .value<app::RemoteFileModel::Kind>();
    switch (kind) {
    case app::RemoteFileModel::Kind::Folder: return provider.icon(QFileIconProvider::Folder);
    case app::RemoteFileModel::Kind::Link:
        return QIcon::fromTheme(QStringLiteral("emblem-symbolic-link"), provider.icon(QFileIconProvider::File));
    case app::RemoteFileModel::Kind::Other: return provider.icon(QFileIconProvider::File);
    case app::RemoteFileModel::Kind::File: break;
    }
    const QString name = QIdentityProxyModel::data(index, Qt::DisplayRole).toString();
    const QString suffix = name.section(u'.', -1);
    const auto cached = m_bySuffix.constFind(suffix);
    if (cached != m_bySuffix.constEnd())
        return *cached;
    const QMimeType type = QMimeDatabase().mimeTypeForFile(name, QMimeDatabase::MatchExtension);
    QIcon icon = QIcon::fromTheme(type.iconName(), QIcon::fromTheme(type.genericIconName()));
    if (icon.isNull())
        icon = provider.icon(QFileIconProvider::File);
    m_bySuffix.insert(suffix, icon);
    return icon;
}

FileListView::FileListView(QWidget *parent)
    : QTreeView(parent)
{
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::CopyAction);
    setSortingEnabled(true);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(QHeaderView::Interactive);
}

QModelIndexList FileListView::selectedRows() const
{
    return selectionModel() ? selectionModel()->selectedRows(0) : QModelIndexList();
}

QModelIndex FileListView::dropTarget(const QPoint &pos) const
{
    const QModelIndex under = indexAt(pos);
    if (under.isValid()) {
        const QModelIndex name = under.siblingAtColumn(0);
        if (m_isFolder && m_isFolder(name))
            return name;
        return name.parent() == rootIndex() ? rootIndex() : name.parent();
    }
    return rootIndex();
}

void FileListView::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_dropTest && m_dropTest(event->mimeData()) && event->source() != this) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
        return;
    }
    event->ignore();
}

void FileListView::dragMoveEvent(QDragMoveEvent *event)
{
    if (m_dropTest && m_dropTest(event->mimeData()) && event->source() != this) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
        // Show which folder it goes into.
        const QModelIndex target = dropTarget(event->position().toPoint());
        if (target != rootIndex())
            setCurrentIndex(target);
        return;
    }
    event->ignore();
}

void FileListView::dropEvent(QDropEvent *event)
{
    if (m_dropHandler && event->source() != this
        && m_dropHandler(event->mimeData(), dropTarget(event->position().toPoint()))) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
        return;
    }
    event->ignore();
}

void FileListView::startDrag(Qt::DropActions supportedActions)
{
    if (!m_dragMaker) {
        QTreeView::startDrag(supportedActions);
        return;
    }
    QMimeData *carried = m_dragMaker(selectedRows());
    if (!carried)
        return;
    auto *drag = new QDrag(this);
    drag->setMimeData(carried);
    drag->exec(Qt::CopyAction, Qt::CopyAction);
}

} // namespace ui
