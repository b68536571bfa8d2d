// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/files/ClusterPane.h"

#include "app/connections/ClusterConnection.h"
#include "app/files/RemoteFileActions.h"
#include "app/files/RemoteFileModel.h"
#include "sshcore/RemotePath.h"
#include "ui/files/FileViews.h"
#include "ui/files/PaneParts.h"
#include "ui/widgets/Palette.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QToolBar>
#include <QVBoxLayout>

namespace ui {

using app::RemoteFileModel;
namespace RemotePath = sshcore::RemotePath;

ClusterPane::ClusterPane(QAction *showHidden, QWidget *parent)
    : QWidget(parent)
    , m_showHidden(showHidden)
    , m_download(new QAction(tr("&Download"), this))
    , m_model(new RemoteFileModel(this))
    , m_proxy(new RemoteIconProxy(this))
    , m_view(new FileListView(this))
    , m_path(new QLineEdit(this))
    , m_title(new QLabel(tr("<b>Cluster</b>"), this))
    , m_status(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    connect(m_showHidden, &QAction::toggled, m_model, &RemoteFileModel::setShowHidden);

    auto *tools = new QToolBar(this);
    tools->setIconSize(QSize(16, 16));
    tools->addAction(filesIcon(this, "go-previous", QStyle::SP_ArrowBack), tr("Back"), this, &ClusterPane::goBack);
    tools->addAction(filesIcon(this, "go-up", QStyle::SP_FileDialogToParent), tr("Up one folder"), this,
                     &ClusterPane::goUp);
    tools->addAction(filesIcon(this, "go-home", QStyle::SP_DirHomeIcon), tr("Home folder"), this,
                     [this] { setFolder("."); });
    QAction *refresh = tools->addAction(filesIcon(this, "view-refresh", QStyle::SP_BrowserReload), tr("Refresh"), this,
                                        [this] {
                                            m_model->refresh();
                                            updateFreeSpace();
                                        });
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QAction *makeFolder = tools->addAction(filesIcon(this, "folder-new", QStyle::SP_FileDialogNewFolder),
                                           tr("New folder"), this, &ClusterPane::newFolder);
    makeFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    makeFolder->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_download->setIcon(filesIcon(this, "download", QStyle::SP_ArrowDown));
    m_download->setToolTip(tr("Download the selection to the folder shown on this computer"));
    tools->addAction(m_download);
    connect(m_download, &QAction::triggered, this, [this] {
        QByteArrayList paths;
        for (const QModelIndex &index : m_view->selectedRows())
            paths.append(index.data(RemoteFileModel::PathRole).toByteArray());
        Q_EMIT downloadRequested(paths);
    });

    m_path->setObjectName(QStringLiteral("RemotePath"));
    m_path->setPlaceholderText(tr("A folder on the cluster, e.g. /scratch/project"));
    connect(m_path, &QLineEdit::returnPressed, this, [this] { setFolder(m_path->text().trimmed().toUtf8()); });

    m_view->setObjectName(QStringLiteral("RemoteFiles"));
    m_view->setModel(m_proxy);
    m_view->sortByColumn(RemoteFileModel::NameColumn, Qt::AscendingOrder);
    m_view->header()->setSectionResizeMode(RemoteFileModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->resizeSection(RemoteFileModel::SizeColumn, 80);
    m_view->header()->resizeSection(RemoteFileModel::ModifiedColumn, 130);
    m_view->setFolderTest([this](const QModelIndex &index) { return m_model->isFolder(m_proxy->mapToSource(index)); });
    m_view->setDropTest([this](const QMimeData *mime) {
        return m_connection && RemoteFileModel::remotePaths(mime).isEmpty() && mime->hasUrls();
    });
    m_view->setDropHandler([this](const QMimeData *mime, const QModelIndex &target) {
        return m_model->dropMimeData(mime, Qt::CopyAction, -1, -1, m_proxy->mapToSource(target));
    });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ClusterPane::showMenu);
    connect(m_view, &QAbstractItemView::activated, this, &ClusterPane::open);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_download->setEnabled(!m_view->selectedRows().isEmpty()); });
    const auto addViewAction = [this](const QString &text, const QKeySequence &key, void (ClusterPane::*slot)()) {
        auto *action = new QAction(text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_view->addAction(action);
    };
    addViewAction(tr("&Rename"), QKeySequence(Qt::Key_F2), &ClusterPane::renameCurrent);
    addViewAction(tr("&Delete…"), QKeySequence(Qt::Key_Delete), &ClusterPane::deleteSelected);
    addViewAction(tr("&Copy path"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), &ClusterPane::copyPaths);

    m_status->setObjectName(QStringLiteral("RemoteStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);
    layout->addWidget(paneHeader(this, m_title, tools, m_path));
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_model, &RemoteFileModel::uploadRequested, this, &ClusterPane::uploadDropped);
    connect(m_model, &RemoteFileModel::rootPathChanged, this, [this](const QByteArray &path) {
        m_path->setText(QString::fromUtf8(path));
        m_problem.clear();
        updateFreeSpace();
        updateStatus();
    });
    connect(m_model, &RemoteFileModel::loadingChanged, this, &ClusterPane::updateStatus);
    connect(m_model, &RemoteFileModel::folderFailed, this, [this](const QByteArray &path, const QString &error) {
        if (path == m_model->rootPath())
            m_problem = error;
        Q_EMIT message(error);
        updateStatus();
    });
    connect(m_model, &RemoteFileModel::folderLoaded, this, &ClusterPane::updateStatus);
    connect(m_model, &RemoteFileModel::operationFinished, this, [this](const QString &what, const QString &error) {
        if (!error.isEmpty())
            showFilesProblem(this, what, error);
        else
            updateFreeSpace();
    });
}

void ClusterPane::setConnection(app::ClusterConnection *connection, bool usable)
{
    m_connection = connection;
    m_model->setConnection(usable ? connection->ssh() : nullptr);
    m_model->setOrigin(connection ? connection->profile().id.toString() : QString());
    m_history.clear();
    m_view->setEnabled(usable);
    m_path->setEnabled(usable);
    m_download->setEnabled(false);
    m_title->setText(connection ? tr("<b>%1</b>").arg(connection->profile().name.toHtmlEscaped())
                                : tr("<b>Cluster</b>"));
    if (!usable) {
        m_path->clear();
        updateStatus();
        return;
    }
    const QString start = connection->profile().remoteDirectory;
    setFolder(start.isEmpty() ? QByteArray(".") : start.toUtf8());
}

// --- navigation
// --------------------------------------------------------------------------------------

void ClusterPane::setFolder(const QByteArray &path)
{
    if (!m_connection || !m_connection->ssh() || path.isEmpty())
        return;
    // Relative paths ("." is the home folder) are made absolute by the server first.
    if (!RemotePath::isAbsolute(path)) {
        const quint64 navigation = ++m_navigation;
        app::RemoteFileActions(m_connection->ssh())
            .resolveFolder(path, m_model->rootPath(), this,
                           [this, navigation](const sshcore::Result<QByteArray> &real) {
                               if (navigation != m_navigation)
                                   return; // the person went elsewhere meanwhile
                               if (real)
                                   setFolder(*real);
                               else
                                   Q_EMIT message(real.error().message);
                           });
        return;
    }
    ++m_navigation;
    const QByteArray clean = RemotePath::normalize(path);
    if (m_history.isEmpty() || m_history.last() != clean)
        m_history.append(clean);
    m_model->setRootPath(clean);
}

QByteArray ClusterPane::folder() const
{
    return m_model->rootPath();
}

void ClusterPane::goBack()
{
    if (m_history.size() < 2)
        return;
    m_history.removeLast();
    m_model->setRootPath(m_history.last());
}

void ClusterPane::goUp()
{
    const QByteArray path = m_model->rootPath();
    if (path.isEmpty() || path == "/")
        return;
    setFolder(RemotePath::parent(path));
}

void ClusterPane::open(const QModelIndex &proxyIndex)
{
    const QModelIndex index = m_proxy->mapToSource(proxyIndex).siblingAtColumn(0);
    const QByteArray path = index.data(RemoteFileModel::PathRole).toByteArray();
    if (m_model->isFolder(index))
        setFolder(path);
    else
        Q_EMIT editRequested(path);
}

void ClusterPane::refreshAfterUpload(const QByteArray &folder)
{
    const QModelIndex index = m_model->indexOf(folder);
    if (index.isValid() || folder == m_model->rootPath())
        m_model->refresh(index);
    updateFreeSpace();
}

// --- file operations
// --------------------------------------------------------------------------------------

void ClusterPane::newFolder()
{
    if (!m_connection)
        return;
    // Opened, not exec()'d: the name is asked without a nested event loop.
    auto *ask = new QInputDialog(this);
    ask->setObjectName(QStringLiteral("NewFolderQuestion"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("New folder"));
    ask->setLabelText(tr("Name of the new folder in %1:").arg(QString::fromUtf8(folder())));
    connect(ask, &QInputDialog::textValueSelected, this, [this](const QString &name) {
        if (!name.trimmed().isEmpty())
            m_model->makeFolder({}, name.trimmed());
    });
    ask->open();
}

void ClusterPane::renameCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        m_view->edit(current.siblingAtColumn(RemoteFileModel::NameColumn));
}

void ClusterPane::deleteSelected()
{
    QModelIndexList rows;
    QStringList names;
    for (const QModelIndex &row : m_view->selectedRows()) {
        rows.append(m_proxy->mapToSource(row));
        names.append(row.data().toString());
    }
    if (rows.isEmpty())
        return;
    const QString question = rows.size() == 1
                                 ? tr("Delete '%1' on the cluster? Folders are deleted with everything in them. "
                                      "This cannot be undone.")
                                       .arg(names.first())
                                 : tr("Delete these %n items on the cluster? Folders are deleted with everything "
                                      "in them. This cannot be undone.",
                                      nullptr, int(rows.size()));
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete on the cluster"), question, QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("DeleteQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (rows.size() > 1)
        box->setDetailedText(names.join(u'\n'));
    QPushButton *confirm = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    QList<QPersistentModelIndex> targets(rows.begin(), rows.end());
    connect(box, &QMessageBox::finished, this, [this, box, confirm, targets] {
        if (box->clickedButton() != confirm)
            return;
        QModelIndexList still;
        for (const QPersistentModelIndex &target : targets) {
            if (target.isValid())
                still.append(target);
        }
        m_model->remove(still);
    });
    box->open();
}

void ClusterPane::copyPaths()
{
    QStringList paths;
    for (const QModelIndex &row : m_view->selectedRows())
        paths.append(QString::fromUtf8(row.data(RemoteFileModel::PathRole).toByteArray()));
    if (paths.isEmpty())
        paths.append(QString::fromUtf8(folder()));
    QGuiApplication::clipboard()->setText(paths.join(u'\n'));
    Q_EMIT message(tr("Copied %1").arg(paths.join(u", ")));
}

// --- menu and status
// --------------------------------------------------------------------------------------

void ClusterPane::showMenu(const QPoint &pos)
{
    if (!m_connection)
        return;
    // popup(), not exec(): no nested event loop under the window.
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QModelIndexList rows = m_view->selectedRows();
    if (rows.size() == 1) {
        const QModelIndex index = m_proxy->mapToSource(rows.first());
        menu->addAction(m_model->isFolder(index) ? tr("&Open") : tr("&Edit"), this,
                        [this, row = QPersistentModelIndex(rows.first())] {
                            if (row.isValid())
                                open(row);
                        });
    }
    if (!rows.isEmpty()) {
        menu->addAction(m_download);
        menu->addSeparator();
        for (QAction *action : m_view->actions())
            menu->addAction(action);
    }
    menu->addSeparator();
    // In the folder right-clicked, or else the one shown.
    QByteArray here = folder();
    if (rows.size() == 1 && m_model->isFolder(m_proxy->mapToSource(rows.first())))
        here = m_model->pathOf(m_proxy->mapToSource(rows.first()));
    menu->addAction(QIcon::fromTheme(QStringLiteral("utilities-terminal")), tr("Open &Terminal Here"), this,
                    [this, here] { Q_EMIT terminalRequested(here); });
    menu->addAction(tr("New &folder…"), this, &ClusterPane::newFolder);
    menu->addAction(tr("Re&fresh"), this, [this] { m_model->refresh(); });
    menu->addAction(m_showHidden);
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

void ClusterPane::updateFreeSpace()
{
    m_freeSpace.clear();
    if (!m_connection || !m_connection->ssh() || m_model->rootPath().isEmpty())
        return;
    const QByteArray path = m_model->rootPath();
    app::RemoteFileActions(m_connection->ssh())
        .freeSpace(path, this, [this, path](const sshcore::Result<sshcore::SftpFileSystem> &fs) {
            if (path != m_model->rootPath())
                return;
            const QLocale locale;
            m_freeSpace = fs ? tr("%1 free of %2")
                                   .arg(locale.formattedDataSize(qint64(fs->availableBytes), 1),
                                        locale.formattedDataSize(qint64(fs->totalBytes), 1))
                             : QString();
            if (fs && fs->readOnly)
                m_freeSpace = tr("%1 (read-only)").arg(m_freeSpace);
            updateStatus();
        });
}

void ClusterPane::updateStatus()
{
    if (!m_connection || !m_connection->ssh()) {
        m_status->setText(tr("Connect to a cluster to see its files."));
        m_status->setStyleSheet({});
        return;
    }
    if (!m_problem.isEmpty()) {
        m_status->setText(m_problem);
        palette::showAsProblem(m_status);
        return;
    }
    m_status->setStyleSheet({});
    QStringList parts;
    if (m_model->isLoading())
        parts.append(tr("Listing…"));
    else if (m_model->rowCount() == 0)
        parts.append(tr("Empty folder: drop files here to upload them"));
    else
        parts.append(tr("%n item(s)", nullptr, m_model->rowCount()));
    if (!m_freeSpace.isEmpty())
        parts.append(m_freeSpace);
    m_status->setText(parts.join(u"  ·  "));
}

} // namespace ui
