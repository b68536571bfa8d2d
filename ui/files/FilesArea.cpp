// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/files/FilesArea.h"

#include "app/connections/ClusterConnection.h"
#include "app/files/RemoteFileModel.h"
#include "app/files/RemoteTextFile.h"
#include "app/transfers/TransferQueue.h"
#include "sshcore/RemotePath.h"
#include "ui/files/ClusterPane.h"
#include "ui/files/ConflictPrompt.h"
#include "ui/files/DragDownload.h"
#include "ui/files/DragDownloadBox.h"
#include "ui/files/FileViews.h"
#include "ui/files/LocalPane.h"
#include "ui/files/PaneParts.h"
#include "ui/files/RemoteDragData.h"
#include "ui/files/TextFileDialog.h"
#include "ui/files/TransferPanel.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QVBoxLayout>

namespace ui {

using namespace Qt::StringLiterals;
using app::RemoteFileModel;
using app::TransferOptions;
using app::TransferQueue;

FilesArea::FilesArea(QWidget *parent)
    : QWidget(parent)
    , m_showHidden(new QAction(tr("Show &hidden files"), this))
    , m_local(nullptr)
    , m_cluster(nullptr)
    , m_transfers(new TransferPanel(this))
    , m_conflicts(new ConflictPrompt(this))
{
    setObjectName(QStringLiteral("FilesArea"));
    m_showHidden->setCheckable(true);
    m_showHidden->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_showHidden->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_showHidden->setIcon(filesIcon(this, "view-hidden", QStyle::SP_FileDialogDetailedView));
    addAction(m_showHidden);
    m_local = new LocalPane(m_showHidden, this);
    m_cluster = new ClusterPane(m_showHidden, this);

    auto *panes = new QSplitter(Qt::Horizontal, this);
    panes->addWidget(m_local);
    panes->addWidget(m_cluster);
    panes->setChildrenCollapsible(false);
    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(panes);
    vertical->addWidget(m_transfers);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);
    vertical->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(vertical);

    connect(m_local, &LocalPane::uploadRequested, this, [this](const QStringList &paths) { upload(paths); });
    connect(m_local, &LocalPane::downloadDropped, this, &FilesArea::download);
    connect(m_local, &LocalPane::message, this, &FilesArea::message);
    connect(m_cluster, &ClusterPane::terminalRequested, this,
            [this](const QByteArray &folder) { Q_EMIT terminalRequested(QString::fromUtf8(folder)); });
    connect(m_cluster, &ClusterPane::downloadRequested, this, [this](const QByteArrayList &paths) { download(paths); });
    connect(m_cluster, &ClusterPane::uploadDropped, this, &FilesArea::upload);
    connect(m_cluster, &ClusterPane::editRequested, this, &FilesArea::editRemoteFile);
    connect(m_cluster, &ClusterPane::message, this, &FilesArea::message);
    m_cluster->view()->setDragMaker([this](const QModelIndexList &rows) { return remoteDrag(rows); });

    setLocalFolder(QDir::homePath());
    setConnection(nullptr);
}

// The drags' downloads are cancelled before their folders go with m_dragDir.
FilesArea::~FilesArea()
{
    qDeleteAll(findChildren<DragDownload *>(Qt::FindDirectChildrenOnly));
}

app::RemoteFileModel *FilesArea::remoteModel() const
{
    return m_cluster->model();
}

RemoteIconProxy *FilesArea::remoteProxy() const
{
    return m_cluster->proxy();
}

FileListView *FilesArea::localView() const
{
    return m_local->view();
}

FileListView *FilesArea::remoteView() const
{
    return m_cluster->view();
}

QLabel *FilesArea::remoteStatus() const
{
    return m_cluster->status();
}

TransferQueue *FilesArea::queue() const
{
    return m_connection ? m_connection->transfers() : nullptr;
}

void FilesArea::setConnection(app::ClusterConnection *connection)
{
    if (connection == m_connection && (!connection || connection->transfers() == m_queue))
        return; // the same, perhaps reconnected: keep the folder and history
    if (m_queue)
        disconnect(m_queue, nullptr, this, nullptr);
    m_connection = connection;
    m_queue = connection ? connection->transfers() : nullptr;
    const bool usable = connection && connection->ssh() && connection->transfers();
    m_transfers->setQueue(usable ? connection->transfers() : nullptr);
    m_conflicts->setQueue(usable ? connection->transfers() : nullptr);
    m_local->setConnected(usable);
    if (usable)
        connect(m_queue, &TransferQueue::jobFinished, this, &FilesArea::jobFinished);
    m_cluster->setConnection(connection, usable);
}

void FilesArea::jobFinished(int id)
{
    const TransferQueue::Job *job = queue() ? queue()->job(id) : nullptr;
    if (!job)
        return;
    // Show what arrived where it arrived.
    if (job->direction == TransferQueue::Direction::Upload)
        m_cluster->refreshAfterUpload(job->destination.toUtf8());
    const int failed = queue()->progress(id).filesFailed;
    // The source is a local path for an upload, a remote one for a download.
    const QString name = job->direction == TransferQueue::Direction::Upload
                             ? QFileInfo(job->source).fileName()
                             : QString::fromUtf8(sshcore::RemotePath::baseName(job->source.toUtf8()));
    Q_EMIT message(failed > 0 || !job->error.isEmpty()
                       ? tr("%1: %n file(s) failed; see Transfers.", nullptr, failed).arg(job->source)
                       : tr("%1: done.").arg(name));
}

void FilesArea::setLocalFolder(const QString &path)
{
    m_local->setFolder(path);
}

QString FilesArea::localFolder() const
{
    return m_local->folder();
}

void FilesArea::setRemoteFolder(const QByteArray &path)
{
    m_cluster->setFolder(path);
}

QByteArray FilesArea::remoteFolder() const
{
    return m_cluster->folder();
}

// --- transfers
// -----------------------------------------------------------------------------------------

void FilesArea::upload(const QStringList &localPaths, const QByteArray &remoteFolder)
{
    TransferQueue *transfers = queue();
    if (!transfers || localPaths.isEmpty())
        return;
    const QByteArray folder = remoteFolder.isEmpty() ? this->remoteFolder() : remoteFolder;
    TransferOptions options;
    options.conflict = TransferOptions::Conflict::Ask;
    for (const QString &path : localPaths)
        transfers->upload(path, folder, options);
}

void FilesArea::download(const QByteArrayList &remotePaths, const QString &localFolder)
{
    TransferQueue *transfers = queue();
    if (!transfers || remotePaths.isEmpty())
        return;
    const QString folder = localFolder.isEmpty() ? this->localFolder() : localFolder;
    TransferOptions options;
    options.conflict = TransferOptions::Conflict::Ask;
    for (const QByteArray &path : remotePaths)
        transfers->download(path, folder, options);
}

QMimeData *FilesArea::remoteDrag(const QModelIndexList &rows)
{
    QModelIndexList source;
    for (const QModelIndex &row : rows)
        source.append(remoteProxy()->mapToSource(row));
    std::unique_ptr<QMimeData> plain(remoteModel()->mimeData(source));
    if (!plain)
        return nullptr;
    // The download starts with the drag, so that a drop some seconds later finds (some of) the files
    // there; the drag's end cancels it if nothing asked for them.
    auto *download = new DragDownload(m_connection, RemoteFileModel::remotePaths(plain.get()),
                                      m_connection ? newDragFolder() : QString(), this);
    connect(download, &DragDownload::incomplete, this, [this, download] { showDragDownloads(download); });
    connect(download, &DragDownload::ended, this, [this, download] {
        Q_EMIT message(download->allDone() ? tr("Dragged files downloaded into %1.").arg(download->folder())
                                           : tr("Some dragged files could not be downloaded; see Transfers."));
    });
    auto *drag = new RemoteDragData(download);
    for (const QString &format : plain->formats())
        drag->setData(format, plain->data(format));
    return drag;
}

// An empty folder of its own for each drag, in one that lives as long as this window. Under the
// user's cache folder, on disk: /tmp is often memory (tmpfs), and a drag may carry gigabytes.
QString FilesArea::newDragFolder()
{
    if (!m_dragDir) {
        const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
        if (!QDir().mkpath(cache))
            return {};
        m_dragDir = std::make_unique<QTemporaryDir>(QDir(cache).filePath(u"drag-XXXXXX"_s));
    }
    if (!m_dragDir->isValid())
        return {};
    const QString name = QString::number(++m_drags);
    return QDir(m_dragDir->path()).mkdir(name) ? m_dragDir->filePath(name) : QString();
}

// In a box that blocks nothing, not even this window: the person may go on working while it is up,
// and the downloads go on when it is closed.
void FilesArea::showDragDownloads(DragDownload *download)
{
    auto *box = new DragDownloadBox(download, this);
    Q_EMIT message(box->heading());
    box->show();
}

// --- editing
// --------------------------------------------------------------------------------------------

void FilesArea::editRemoteFile(const QByteArray &path)
{
    if (!m_connection || !m_connection->ssh())
        return;
    auto *file = new app::RemoteTextFile(m_connection, path, this);
    connect(file, &app::RemoteTextFile::openFailed, this,
            [this, file](app::RemoteTextFile::Problem problem, const QString &error) {
                file->deleteLater();
                showFilesProblem(this, tr("Open"), error,
                                 problem == app::RemoteTextFile::Problem::Unreadable ? QMessageBox::Warning
                                                                                     : QMessageBox::Information);
            });
    connect(file, &app::RemoteTextFile::opened, this, [this, file](const QByteArray &contents) {
        auto *dialog = new TextFileDialog(file, contents, window());
        dialog->show();
    });
    file->open();
}

} // namespace ui
