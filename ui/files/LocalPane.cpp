// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/files/LocalPane.h"

#include "app/files/RemoteFileModel.h"
#include "ui/files/FileViews.h"
#include "ui/files/PaneParts.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFileIconProvider>
#include <QFileSystemModel>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

namespace ui {

using app::RemoteFileModel;

LocalPane::LocalPane(QAction *showHidden, QWidget *parent)
    : QWidget(parent)
    , m_showHidden(showHidden)
    , m_upload(new QAction(tr("&Upload"), this))
    , m_model(new QFileSystemModel(this))
    , m_view(new FileListView(this))
    , m_path(new QLineEdit(this))
{
    static QFileIconProvider icons; // QFileSystemModel gives no icons of its own
    m_model->setIconProvider(&icons);
    m_model->setRootPath(QDir::rootPath());
    m_model->setReadOnly(true);
    m_model->setFilter(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::AllDirs);
    connect(m_showHidden, &QAction::toggled, this, [this](bool show) {
        QDir::Filters filters = QDir::AllEntries | QDir::NoDotAndDotDot | QDir::AllDirs;
        if (show)
            filters |= QDir::Hidden;
        m_model->setFilter(filters);
    });

    auto *title = new QLabel(tr("<b>This computer</b>"), this);
    auto *tools = new QToolBar(this);
    tools->setIconSize(QSize(16, 16));
    tools->setToolButtonStyle(Qt::ToolButtonIconOnly);
    QAction *back = tools->addAction(filesIcon(this, "go-previous", QStyle::SP_ArrowBack), tr("Back"), this,
                                     &LocalPane::goBack);
    back->setToolTip(tr("Back"));
    tools->addAction(filesIcon(this, "go-up", QStyle::SP_FileDialogToParent), tr("Up one folder"), this,
                     &LocalPane::goUp);
    tools->addAction(filesIcon(this, "go-home", QStyle::SP_DirHomeIcon), tr("Home folder"), this,
                     [this] { setFolder(QDir::homePath()); });
    tools->addAction(m_showHidden);
    m_upload->setIcon(filesIcon(this, "go-next", QStyle::SP_ArrowForward));
    m_upload->setToolTip(tr("Upload the selection to the folder shown on the cluster"));
    tools->addAction(m_upload);
    connect(m_upload, &QAction::triggered, this, [this] {
        QStringList paths;
        for (const QModelIndex &index : m_view->selectedRows())
            paths.append(m_model->filePath(index));
        Q_EMIT uploadRequested(paths);
    });

    m_path->setObjectName(QStringLiteral("LocalPath"));
    m_path->setClearButtonEnabled(true);
    connect(m_path, &QLineEdit::returnPressed, this, [this] {
        const QString path = QDir::cleanPath(QDir::fromNativeSeparators(m_path->text()));
        if (QFileInfo(path).isDir())
            setFolder(path);
        else
            Q_EMIT message(tr("There is no folder '%1' on this computer.").arg(path));
    });

    m_view->setObjectName(QStringLiteral("LocalFiles"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->hideColumn(2); // the type: the icon says it
    m_view->header()->resizeSection(1, 80);
    m_view->header()->resizeSection(3, 130);
    m_view->setFolderTest([this](const QModelIndex &index) { return m_model->isDir(index); });
    m_view->setDropTest([](const QMimeData *mime) { return !RemoteFileModel::remotePaths(mime).isEmpty(); });
    m_view->setDropHandler([this](const QMimeData *mime, const QModelIndex &target) {
        const QList<QByteArray> paths = RemoteFileModel::remotePaths(mime);
        if (paths.isEmpty())
            return false;
        Q_EMIT downloadDropped(paths, target.isValid() ? m_model->filePath(target) : folder());
        return true;
    });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &LocalPane::showMenu);
    connect(m_view, &QAbstractItemView::activated, this, &LocalPane::open);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LocalPane::updateUpload);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->addWidget(paneHeader(this, title, tools, m_path));
    layout->addWidget(m_view, 1);
}

void LocalPane::setFolder(const QString &path)
{
    const QString clean = QDir::cleanPath(path);
    if (!m_history.isEmpty() && m_history.last() == clean)
        return;
    m_history.append(clean);
    m_view->setRootIndex(m_model->index(clean));
    m_path->setText(QDir::toNativeSeparators(clean));
}

QString LocalPane::folder() const
{
    return m_history.value(m_history.size() - 1, QDir::homePath());
}

void LocalPane::setConnected(bool connected)
{
    m_connected = connected;
    updateUpload();
}

void LocalPane::updateUpload()
{
    m_upload->setEnabled(m_connected && !m_view->selectedRows().isEmpty());
}

void LocalPane::goBack()
{
    if (m_history.size() < 2)
        return;
    m_history.removeLast();
    const QString previous = m_history.takeLast();
    setFolder(previous);
}

void LocalPane::goUp()
{
    QDir dir(folder());
    if (dir.cdUp())
        setFolder(dir.absolutePath());
}

void LocalPane::open(const QModelIndex &index)
{
    if (m_model->isDir(index))
        setFolder(m_model->filePath(index));
    else
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_model->filePath(index)));
}

void LocalPane::showMenu(const QPoint &pos)
{
    // popup(), not exec(): no nested event loop under the window.
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_view->selectedRows().isEmpty() && m_connected) {
        menu->addAction(m_upload);
        menu->addSeparator();
    }
    menu->addAction(tr("Open the folder in the file manager"), this,
                    [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(folder())); });
    menu->addAction(m_showHidden);
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

} // namespace ui
