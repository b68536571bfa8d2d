// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QIdentityProxyModel>
#include <QTreeView>

#include <functional>

namespace ui {

// Icons for the remote model (which knows kinds and names, not icons): folders, links, and files by
// their type as the desktop's MIME database names it.
class RemoteIconProxy : public QIdentityProxyModel
{
    Q_OBJECT

public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    mutable QHash<QString, QIcon> m_bySuffix;
};

// A file list that takes drops of remote paths (from the remote pane) and files from elsewhere.
// dropHandler gets the drop and the folder under the cursor (or the view's root) and says whether it
// took it.
class FileListView : public QTreeView
{
    Q_OBJECT

public:
    using DropHandler = std::function<bool(const QMimeData *data, const QModelIndex &target)>;
    using DragMaker = std::function<QMimeData *(const QModelIndexList &rows)>;

    explicit FileListView(QWidget *parent = nullptr);
    void setDropHandler(DropHandler handler) { m_dropHandler = std::move(handler); }
    void setDragMaker(DragMaker maker) { m_dragMaker = std::move(maker); }
    // Whether a drop of data could go here (for the cursor while dragging).
    using DropTest = std::function<bool(const QMimeData *data)>;
    void setDropTest(DropTest test) { m_dropTest = std::move(test); }
    using FolderTest = std::function<bool(const QModelIndex &index)>;
    void setFolderTest(FolderTest test) { m_isFolder = std::move(test); }

    QModelIndexList selectedRows() const;
    // What a drop at pos goes into: the folder row under it, else the root (invalid).
    QModelIndex dropTarget(const QPoint &pos) const;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void startDrag(Qt::DropActions supportedActions) override;

private:
    DropHandler m_dropHandler;
    DropTest m_dropTest;
    DragMaker m_dragMaker;
    FolderTest m_isFolder;
};

} // namespace ui
