#include "ui/files/FilesArea.h"

#include "app/connections/ClusterConnection.h"
#include "app/files/RemoteFileModel.h"
#include "sshcore/sftp/SftpClient.h"
#include "ui/files/FileViews.h"
#include "ui/files/TextFileDialog.h"
#include "ui/files/TransferPanel.h"
#include "ui/widgets/Palette.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QEventLoop>
#include <QFileIconProvider>
#include <QFileSystemModel>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyle>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

namespace ui {

using namespace Qt::StringLiterals;
using app::RemoteFileModel;
using app::TransferQueue;
using app::TransferOptions;

namespace {

constexpr qint64 EditableLimit = 8 << 20; // bytes: bigger files are not opened in the editor

QIcon icon(const QWidget *widget, const char *themeName, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QString::fromLatin1(themeName), widget->style()->standardIcon(fallback));
}

// A drag out of the cluster's pane. clusterdesk's own panes read the remote paths; anything else
// (a file manager, a desktop) asks for file URLs, and gets them once the files are downloaded.
class RemoteDragData : public QMimeData
{
public:
    using Fetch = std::function<QList<QUrl>()>;
    explicit RemoteDragData(Fetch fetch)
        : m_fetch(std::move(fetch))
    {}
    QStringList formats() const override
    {
        QStringList all = QMimeData::formats();
        if (!all.contains(u"text/uri-list"_s))
            all.append(QStringLiteral("text/uri-list"));
        return all;
    }
    bool hasFormat(const QString &type) const override
    {
        return type == u"text/uri-list" || QMimeData::hasFormat(type);
    }

protected:
    QVariant retrieveData(const QString &type, QMetaType preferred) const override
    {
        if (type == u"text/uri-list" && !m_fetched) {
            m_fetched = true;
            m_urls = m_fetch();
        }
        if (type == u"text/uri-list")
            return QVariant::fromValue(QList<QVariant>(m_urls.begin(), m_urls.end()));
        return QMimeData::retrieveData(type, preferred);
    }

private:
    Fetch m_fetch;
    mutable bool m_fetched = false;
    mutable QList<QUrl> m_urls;
};

// A problem told without blocking the window (transfers and listings carry on meanwhile).
void showProblem(QWidget *parent, const QString &title, const QString &text, QMessageBox::Icon icon = QMessageBox::Warning)
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Close, parent);
    box->setObjectName(QStringLiteral("FilesProblem"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QWidget *paneHeader(QWidget *parent, QLabel *title, QToolBar *tools, QLineEdit *path)
{
    auto *header = new QWidget(parent);
    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *top = new QHBoxLayout;
    top->addWidget(title, 1);
    top->addWidget(tools);
    layout->addLayout(top);
    layout->addWidget(path);
    return header;
}

} // namespace

FilesArea::FilesArea(QWidget *parent)
    : QWidget(parent)
    , m_localModel(new QFileSystemModel(this))
    , m_remoteModel(new RemoteFileModel(this))
    , m_remoteProxy(new RemoteIconProxy(this))
    , m_localView(new FileListView(this))
    , m_remoteView(new FileListView(this))
    , m_localPath(new QLineEdit(this))
    , m_remotePath(new QLineEdit(this))
    , m_remoteTitle(new QLabel(this))
    , m_remoteStatus(new QLabel(this))
    , m_showHidden(new QAction(tr("Show &hidden files"), this))
    , m_upload(new QAction(tr("&Upload"), this))
    , m_download(new QAction(tr("&Download"), this))
    , m_transfers(new TransferPanel(this))
{
    setObjectName(QStringLiteral("FilesArea"));
    m_showHidden->setCheckable(true);
    m_showHidden->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_showHidden->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_showHidden->setIcon(icon(this, "view-hidden", QStyle::SP_FileDialogDetailedView));
    addAction(m_showHidden);

    static QFileIconProvider icons; // QFileSystemModel gives no icons of its own
    m_localModel->setIconProvider(&icons);
    m_localModel->setRootPath(QDir::rootPath());
    m_localModel->setReadOnly(true);
    m_localModel->setFilter(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::AllDirs);
    m_remoteProxy->setSourceModel(m_remoteModel);

    auto *panes = new QSplitter(Qt::Horizontal, this);
    panes->addWidget(makeLocalPane());
    panes->addWidget(makeRemotePane());
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

    connect(m_showHidden, &QAction::toggled, this, [this](bool show) {
        m_remoteModel->setShowHidden(show);
        QDir::Filters filters = QDir::AllEntries | QDir::NoDotAndDotDot | QDir::AllDirs;
        if (show)
            filters |= QDir::Hidden;
        m_localModel->setFilter(filters);
    });
    connect(m_remoteModel, &RemoteFileModel::uploadRequested, this,
            [this](const QStringList &paths, const QByteArray &folder) { upload(paths, folder); });
    connect(m_remoteModel, &RemoteFileModel::rootPathChanged, this, [this](const QByteArray &path) {
        m_remotePath->setText(QString::fromUtf8(path));
        m_remoteProblem.clear();
        updateFreeSpace();
        updateRemoteStatus();
    });
    connect(m_remoteModel, &RemoteFileModel::loadingChanged, this, &FilesArea::updateRemoteStatus);
    connect(m_remoteModel, &RemoteFileModel::folderFailed, this, [this](const QByteArray &path, const QString &error) {
        if (path == m_remoteModel->rootPath())
            m_remoteProblem = error;
        Q_EMIT message(error);
        updateRemoteStatus();
    });
    connect(m_remoteModel, &RemoteFileModel::folderLoaded, this, &FilesArea::updateRemoteStatus);
    connect(m_remoteModel, &RemoteFileModel::operationFinished, this, [this](const QString &what, const QString &error) {
        if (!error.isEmpty())
            showProblem(this, what, error);
        else
            updateFreeSpace();
    });
    setLocalFolder(QDir::homePath());
    setConnection(nullptr);
}

FilesArea::~FilesArea() = default;

QWidget *FilesArea::makeLocalPane()
{
    auto *pane = new QWidget(this);
    auto *title = new QLabel(tr("<b>This computer</b>"), pane);
    auto *tools = new QToolBar(pane);
    tools->setIconSize(QSize(16, 16));
    tools->setToolButtonStyle(Qt::ToolButtonIconOnly);
    QAction *back = tools->addAction(icon(this, "go-previous", QStyle::SP_ArrowBack), tr("Back"), this,
                                     [this] { goBack(false); });
    back->setToolTip(tr("Back"));
    tools->addAction(icon(this, "go-up", QStyle::SP_FileDialogToParent), tr("Up one folder"), this,
                     [this] { goUp(false); });
    tools->addAction(icon(this, "go-home", QStyle::SP_DirHomeIcon), tr("Home folder"), this,
                     [this] { setLocalFolder(QDir::homePath()); });
    tools->addAction(m_showHidden);
    m_upload->setIcon(icon(this, "go-next", QStyle::SP_ArrowForward));
    m_upload->setToolTip(tr("Upload the selection to the folder shown on the cluster"));
    tools->addAction(m_upload);
    connect(m_upload, &QAction::triggered, this, [this] {
        QStringList paths;
        for (const QModelIndex &index : m_localView->selectedRows())
            paths.append(m_localModel->filePath(index));
        upload(paths);
    });

    m_localPath->setObjectName(QStringLiteral("LocalPath"));
    m_localPath->setClearButtonEnabled(true);
    connect(m_localPath, &QLineEdit::returnPressed, this, [this] {
        const QString path = QDir::cleanPath(QDir::fromNativeSeparators(m_localPath->text()));
        if (QFileInfo(path).isDir())
            setLocalFolder(path);
        else
            Q_EMIT message(tr("There is no folder '%1' on this computer.").arg(path));
    });

    m_localView->setObjectName(QStringLiteral("LocalFiles"));
    m_localView->setModel(m_localModel);
    m_localView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_localView->sortByColumn(0, Qt::AscendingOrder);
    m_localView->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_localView->hideColumn(2); // the type: the icon says it
    m_localView->header()->resizeSection(1, 80);
    m_localView->header()->resizeSection(3, 130);
    m_localView->setFolderTest([this](const QModelIndex &index) { return m_localModel->isDir(index); });
    m_localView->setDropTest([](const QMimeData *mime) { return !RemoteFileModel::remotePaths(mime).isEmpty(); });
    m_localView->setDropHandler([this](const QMimeData *mime, const QModelIndex &target) {
        const QList<QByteArray> paths = RemoteFileModel::remotePaths(mime);
        if (paths.isEmpty())
            return false;
        download(paths, target.isValid() ? m_localModel->filePath(target) : localFolder());
        return true;
    });
    m_localView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_localView, &QWidget::customContextMenuRequested, this, &FilesArea::localMenu);
    connect(m_localView, &QAbstractItemView::activated, this, &FilesArea::openLocal);
    connect(m_localView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_upload->setEnabled(m_connection && !m_localView->selectedRows().isEmpty()); });

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->addWidget(paneHeader(pane, title, tools, m_localPath));
    layout->addWidget(m_localView, 1);
    return pane;
}

QWidget *FilesArea::makeRemotePane()
{
    auto *pane = new QWidget(this);
    m_remoteTitle->setText(tr("<b>Cluster</b>"));
    auto *tools = new QToolBar(pane);
    tools->setIconSize(QSize(16, 16));
    tools->addAction(icon(this, "go-previous", QStyle::SP_ArrowBack), tr("Back"), this, [this] { goBack(true); });
    tools->addAction(icon(this, "go-up", QStyle::SP_FileDialogToParent), tr("Up one folder"), this,
                     [this] { goUp(true); });
    tools->addAction(icon(this, "go-home", QStyle::SP_DirHomeIcon), tr("Home folder"), this, [this] {
        setRemoteFolder(".");
    });
    QAction *refresh = tools->addAction(icon(this, "view-refresh", QStyle::SP_BrowserReload), tr("Refresh"), this, [this] {
        m_remoteModel->refresh();
        updateFreeSpace();
    });
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QAction *newFolder = tools->addAction(icon(this, "folder-new", QStyle::SP_FileDialogNewFolder), tr("New folder"),
                                          this, &FilesArea::newRemoteFolder);
    newFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    newFolder->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_download->setIcon(icon(this, "download", QStyle::SP_ArrowDown));
    m_download->setToolTip(tr("Download the selection to the folder shown on this computer"));
    tools->addAction(m_download);
    connect(m_download, &QAction::triggered, this, [this] {
        QList<QByteArray> paths;
        for (const QModelIndex &index : m_remoteView->selectedRows())
            paths.append(index.data(RemoteFileModel::PathRole).toByteArray());
        download(paths);
    });

    m_remotePath->setObjectName(QStringLiteral("RemotePath"));
    m_remotePath->setPlaceholderText(tr("A folder on the cluster, e.g. /scratch/project"));
    connect(m_remotePath, &QLineEdit::returnPressed, this,
            [this] { setRemoteFolder(m_remotePath->text().trimmed().toUtf8()); });

    m_remoteView->setObjectName(QStringLiteral("RemoteFiles"));
    m_remoteView->setModel(m_remoteProxy);
    m_remoteView->sortByColumn(RemoteFileModel::NameColumn, Qt::AscendingOrder);
    m_remoteView->header()->setSectionResizeMode(RemoteFileModel::NameColumn, QHeaderView::Stretch);
    m_remoteView->header()->resizeSection(RemoteFileModel::SizeColumn, 80);
    m_remoteView->header()->resizeSection(RemoteFileModel::ModifiedColumn, 130);
    m_remoteView->setFolderTest([this](const QModelIndex &index) {
        return m_remoteModel->isFolder(m_remoteProxy->mapToSource(index));
    });
    m_remoteView->setDropTest([this](const QMimeData *mime) {
        return m_connection && RemoteFileModel::remotePaths(mime).isEmpty() && mime->hasUrls();
    });
    m_remoteView->setDropHandler([this](const QMimeData *mime, const QModelIndex &target) {
        return m_remoteModel->dropMimeData(mime, Qt::CopyAction, -1, -1, m_remoteProxy->mapToSource(target));
    });
    m_remoteView->setDragMaker([this](const QModelIndexList &rows) { return remoteDrag(rows); });
    m_remoteView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_remoteView, &QWidget::customContextMenuRequested, this, &FilesArea::remoteMenu);
    connect(m_remoteView, &QAbstractItemView::activated, this, &FilesArea::openRemote);
    connect(m_remoteView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_download->setEnabled(!m_remoteView->selectedRows().isEmpty()); });
    auto *rename = new QAction(tr("&Rename"), this);
    rename->setShortcut(QKeySequence(Qt::Key_F2));
    rename->setShortcutContext(Qt::WidgetShortcut);
    connect(rename, &QAction::triggered, this, &FilesArea::renameRemote);
    m_remoteView->addAction(rename);
    auto *remove = new QAction(tr("&Delete…"), this);
    remove->setShortcut(QKeySequence(Qt::Key_Delete));
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &FilesArea::deleteRemote);
    m_remoteView->addAction(remove);
    auto *copy = new QAction(tr("&Copy path"), this);
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &FilesArea::copyRemotePaths);
    m_remoteView->addAction(copy);

    m_remoteStatus->setObjectName(QStringLiteral("RemoteStatus"));
    m_remoteStatus->setWordWrap(true);
    m_remoteStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(4, 0, 0, 0);
    layout->addWidget(paneHeader(pane, m_remoteTitle, tools, m_remotePath));
    layout->addWidget(m_remoteView, 1);
    layout->addWidget(m_remoteStatus);
    return pane;
}

app::TransferQueue *FilesArea::queue() const
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
    m_remoteModel->setConnection(usable ? connection->ssh() : nullptr);
    m_remoteModel->setOrigin(connection ? connection->profile().id.toString() : QString());
    m_transfers->setQueue(usable ? connection->transfers() : nullptr);
    m_remoteHistory.clear();
    m_remoteView->setEnabled(usable);
    m_remotePath->setEnabled(usable);
    m_upload->setEnabled(usable && !m_localView->selectedRows().isEmpty());
    m_download->setEnabled(false);
    m_remoteTitle->setText(connection ? tr("<b>%1</b>").arg(connection->profile().name.toHtmlEscaped())
                                      : tr("<b>Cluster</b>"));
    if (!usable) {
        m_remotePath->clear();
        updateRemoteStatus();
        return;
    }
    connect(queue(), &TransferQueue::conflict, this, &FilesArea::askConflict);
    connect(queue(), &TransferQueue::jobFinished, this, [this](int id) {
        const TransferQueue::Job *job = queue() ? queue()->job(id) : nullptr;
        if (!job)
            return;
        // Show what arrived where it arrived.
        if (job->direction == TransferQueue::Direction::Upload) {
            const QByteArray folder = job->destination.toUtf8();
            const QModelIndex index = m_remoteModel->indexOf(folder);
            if (index.isValid() || folder == m_remoteModel->rootPath())
                m_remoteModel->refresh(index);
            updateFreeSpace();
        }
        const int failed = queue()->progress(id).filesFailed;
        Q_EMIT message(failed > 0 || !job->error.isEmpty()
                           ? tr("%1: %n file(s) failed; see Transfers.", nullptr, failed).arg(job->source)
                           : tr("%1: done.").arg(QFileInfo(job->source).fileName()));
    });
    const QString start = connection->profile().remoteDirectory;
    setRemoteFolder(start.isEmpty() ? QByteArray(".") : start.toUtf8());
}

// --- navigation --------------------------------------------------------------------------------------

void FilesArea::setLocalFolder(const QString &path)
{
    const QString clean = QDir::cleanPath(path);
    if (!m_localHistory.isEmpty() && m_localHistory.last() == clean)
        return;
    m_localHistory.append(clean);
    m_localView->setRootIndex(m_localModel->index(clean));
    m_localPath->setText(QDir::toNativeSeparators(clean));
}

QString FilesArea::localFolder() const
{
    return m_localHistory.value(m_localHistory.size() - 1, QDir::homePath());
}

void FilesArea::setRemoteFolder(const QByteArray &path)
{
    if (!m_connection || !m_connection->ssh() || path.isEmpty())
        return;
    // Relative paths ("." is the home folder) are made absolute by the server first.
    if (!path.startsWith('/')) {
        const QByteArray base = m_remoteModel->rootPath();
        const QByteArray wanted = path == "." || base.isEmpty() ? path : RemoteFileModel::join(base, path);
        const quint64 navigation = ++m_navigation;
        sshcore::SftpClient(m_connection->ssh()).realPath(wanted, this, [this, navigation](const sshcore::Result<QByteArray> &real) {
            if (navigation != m_navigation)
                return; // the person went elsewhere meanwhile
            if (real)
                setRemoteFolder(*real);
            else
                Q_EMIT message(real.error().message);
        });
        return;
    }
    ++m_navigation;
    if (m_remoteHistory.isEmpty() || m_remoteHistory.last() != path)
        m_remoteHistory.append(path);
    m_remoteModel->setRootPath(path);
}

QByteArray FilesArea::remoteFolder() const
{
    return m_remoteModel->rootPath();
}

void FilesArea::goBack(bool remote)
{
    if (remote) {
        if (m_remoteHistory.size() < 2)
            return;
        m_remoteHistory.removeLast();
        m_remoteModel->setRootPath(m_remoteHistory.last());
        return;
    }
    if (m_localHistory.size() < 2)
        return;
    m_localHistory.removeLast();
    const QString previous = m_localHistory.takeLast();
    setLocalFolder(previous);
}

void FilesArea::goUp(bool remote)
{
    if (remote) {
        const QByteArray path = m_remoteModel->rootPath();
        if (path.isEmpty() || path == "/")
            return;
        const qsizetype slash = path.lastIndexOf('/');
        setRemoteFolder(slash <= 0 ? QByteArray("/") : path.left(slash));
        return;
    }
    QDir dir(localFolder());
    if (dir.cdUp())
        setLocalFolder(dir.absolutePath());
}

void FilesArea::openLocal(const QModelIndex &index)
{
    if (m_localModel->isDir(index))
        setLocalFolder(m_localModel->filePath(index));
    else
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_localModel->filePath(index)));
}

void FilesArea::openRemote(const QModelIndex &proxyIndex)
{
    const QModelIndex index = m_remoteProxy->mapToSource(proxyIndex).siblingAtColumn(0);
    const QByteArray path = index.data(RemoteFileModel::PathRole).toByteArray();
    if (m_remoteModel->isFolder(index)) {
        setRemoteFolder(path);
        return;
    }
    editRemoteFile(path);
}

// --- transfers -----------------------------------------------------------------------------------------

void FilesArea::upload(const QStringList &localPaths, const QByteArray &remoteFolder)
{
    TransferQueue *transfers = queue();
    if (!transfers || localPaths.isEmpty())
        return;
    const QByteArray folder = remoteFolder.isEmpty() ? m_remoteModel->rootPath() : remoteFolder;
    TransferOptions options;
    options.conflict = TransferOptions::Conflict::Ask;
    for (const QString &path : localPaths)
        transfers->upload(path, folder, options);
}

void FilesArea::download(const QList<QByteArray> &remotePaths, const QString &localFolder)
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
        source.append(m_remoteProxy->mapToSource(row));
    QMimeData *plain = m_remoteModel->mimeData(source);
    if (!plain)
        return nullptr;
    const QList<QByteArray> paths = RemoteFileModel::remotePaths(plain);
    // Dropped outside clusterdesk: download first into a folder that lives as long as this window,
    // then hand over the local copies.
    auto *drag = new RemoteDragData([this, paths]() -> QList<QUrl> {
        TransferQueue *transfers = queue();
        if (!transfers)
            return {};
        if (!m_dragDir)
            m_dragDir = std::make_unique<QTemporaryDir>(QDir::temp().filePath(u"clusterdesk-drag-XXXXXX"_s));
        const QString folder = m_dragDir->path();
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        QList<int> jobs;
        for (const QByteArray &path : paths)
            jobs.append(transfers->download(path, folder, options));
        QEventLoop loop;
        const auto check = [&] {
            if (std::ranges::all_of(jobs, [&](int id) {
                    const TransferQueue::Job *job = transfers->job(id);
                    return !job || job->state == TransferQueue::JobState::Finished
                           || job->state == TransferQueue::JobState::Cancelled;
                }))
                loop.quit();
        };
        QObject::connect(transfers, &TransferQueue::jobFinished, &loop, check);
        QTimer::singleShot(0, &loop, check);
        loop.exec();
        QList<QUrl> urls;
        for (const QByteArray &path : paths) {
            const QString local = QDir(folder).filePath(QString::fromUtf8(path.mid(path.lastIndexOf('/') + 1)));
            if (QFileInfo::exists(local))
                urls.append(QUrl::fromLocalFile(local));
        }
        return urls;
    });
    for (const QString &format : plain->formats())
        drag->setData(format, plain->data(format));
    delete plain;
    return drag;
}

void FilesArea::askConflict(const TransferQueue::ConflictQuestion &question)
{
    m_conflicts.append(question);
    if (!m_conflictBox)
        showNextConflict();
}

// One question at a time, without blocking the window; "the same for every other file" answers the
// waiting ones too.
void FilesArea::showNextConflict()
{
    while (!m_conflicts.isEmpty() && (!queue() || !queue()->job(m_conflicts.first().job)))
        m_conflicts.removeFirst();
    if (m_conflicts.isEmpty())
        return;
    const TransferQueue::ConflictQuestion question = m_conflicts.first();
    const QLocale locale;
    const auto describe = [&](quint64 size, qint64 modified) {
        return tr("%1, modified %2")
            .arg(locale.formattedDataSize(qint64(size), 1),
                 locale.toString(QDateTime::fromSecsSinceEpoch(modified).toLocalTime(), QLocale::ShortFormat));
    };
    auto *box = new QMessageBox(QMessageBox::Question, tr("File exists"), tr("'%1' already exists.").arg(question.name),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("ConflictQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("There: %1\nThis one: %2")
                                .arg(describe(question.existingSize, question.existingModified),
                                     describe(question.newSize, question.newModified)));
    using Conflict = TransferOptions::Conflict;
    const QList<std::pair<QPushButton *, Conflict>> choices = {
        {box->addButton(tr("&Overwrite"), QMessageBox::DestructiveRole), Conflict::Overwrite},
        {box->addButton(tr("If &newer"), QMessageBox::AcceptRole), Conflict::OnlyIfNewer},
        {box->addButton(tr("&Resume"), QMessageBox::AcceptRole), Conflict::Resume},
        {box->addButton(tr("&Keep both"), QMessageBox::AcceptRole), Conflict::KeepBoth},
        {box->addButton(tr("&Skip"), QMessageBox::RejectRole), Conflict::Skip},
    };
    choices[2].first->setToolTip(tr("Continue a file that was cut short: send only what it is missing."));
    choices[2].first->setEnabled(question.existingSize < question.newSize);
    box->setDefaultButton(choices[4].first);
    auto *all = new QCheckBox(tr("Do the same for every other file that exists"), box);
    box->setCheckBox(all);
    m_conflictBox = box;
    connect(box, &QMessageBox::finished, this, [this, box, all, choices] {
        Conflict decision = Conflict::Skip;
        for (const auto &[button, choice] : choices) {
            if (box->clickedButton() == button)
                decision = choice;
        }
        const bool forAll = all->isChecked();
        QList<TransferQueue::ConflictQuestion> answered{m_conflicts.takeFirst()};
        if (forAll)
            answered += std::exchange(m_conflicts, {});
        for (const auto &each : answered) {
            if (queue())
                queue()->resolveConflict(each.job, each.file, decision, forAll);
        }
        QTimer::singleShot(0, this, &FilesArea::showNextConflict);
    });
    box->open();
}

// --- file operations --------------------------------------------------------------------------------------

void FilesArea::newRemoteFolder()
{
    if (!m_connection)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New folder"),
                                               tr("Name of the new folder in %1:").arg(QString::fromUtf8(remoteFolder())),
                                               QLineEdit::Normal, {}, &ok);
    if (ok && !name.trimmed().isEmpty())
        m_remoteModel->makeFolder({}, name.trimmed());
}

void FilesArea::renameRemote()
{
    const QModelIndex current = m_remoteView->currentIndex();
    if (current.isValid())
        m_remoteView->edit(current.siblingAtColumn(RemoteFileModel::NameColumn));
}

void FilesArea::deleteRemote()
{
    QModelIndexList rows;
    QStringList names;
    for (const QModelIndex &row : m_remoteView->selectedRows()) {
        rows.append(m_remoteProxy->mapToSource(row));
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
        m_remoteModel->remove(still);
    });
    box->open();
}

void FilesArea::copyRemotePaths()
{
    QStringList paths;
    for (const QModelIndex &row : m_remoteView->selectedRows())
        paths.append(QString::fromUtf8(row.data(RemoteFileModel::PathRole).toByteArray()));
    if (paths.isEmpty())
        paths.append(QString::fromUtf8(remoteFolder()));
    QGuiApplication::clipboard()->setText(paths.join(u'\n'));
    Q_EMIT message(tr("Copied %1").arg(paths.join(u", ")));
}

void FilesArea::editRemoteFile(const QByteArray &path)
{
    if (!m_connection || !m_connection->ssh())
        return;
    auto sftp = std::make_shared<sshcore::SftpClient>(m_connection->ssh());
    sftp->stat(path, this, [this, sftp, path](const sshcore::Result<sshcore::SftpEntry> &entry) {
        if (!entry) {
            showProblem(this, tr("Open"), entry.error().message);
            return;
        }
        if (entry->size > quint64(EditableLimit)) {
            showProblem(this, tr("Open"),
                        tr("%1 is %2: too big to edit here. Download it instead.")
                            .arg(QString::fromUtf8(path), QLocale().formattedDataSize(qint64(entry->size))),
                        QMessageBox::Information);
            return;
        }
        auto folder = std::make_shared<QTemporaryDir>();
        const QString local = folder->filePath(QString::fromUtf8(entry->name));
        sftp->download(path, local, {}, this, [this, sftp, path, folder, local](const sshcore::Result<quint64> &done) {
            if (!done) {
                showProblem(this, tr("Open"), done.error().message);
                return;
            }
            QFile file(local);
            const QByteArray contents = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
            if (contents.contains('\0')) {
                showProblem(this, tr("Open"),
                            tr("%1 is not a text file. Download it to open it with another program.")
                                .arg(QString::fromUtf8(path)),
                            QMessageBox::Information);
                return;
            }
            const QByteArray remoteFolder = path.left(std::max<qsizetype>(path.lastIndexOf('/'), 1));
            auto saver = [this, folder, local, remoteFolder](const QByteArray &text, std::function<void(const QString &)> finished) {
                QFile out(local);
                if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(text) != text.size()) {
                    finished(tr("cannot write a local copy: %1").arg(out.errorString()));
                    return;
                }
                out.close();
                TransferQueue *transfers = queue();
                if (!transfers) {
                    finished(tr("not connected"));
                    return;
                }
                TransferOptions options;
                options.conflict = TransferOptions::Conflict::Overwrite; // it is this file, edited
                const int id = transfers->upload(local, remoteFolder, options);
                auto watcher = std::make_shared<QMetaObject::Connection>();
                *watcher = connect(transfers, &TransferQueue::jobFinished, this,
                                   [transfers, id, watcher, finished](int finishedId) {
                                       if (finishedId != id)
                                           return;
                                       QObject::disconnect(*watcher);
                                       const TransferQueue::Job *job = transfers->job(id);
                                       QString error = job ? job->error : QString();
                                       if (job)
                                           for (const auto &item : job->files)
                                               if (item.state == TransferQueue::FileState::Failed)
                                                   error = item.error;
                                       finished(error);
                                   });
            };
            auto *dialog = new TextFileDialog(QString::fromUtf8(path), contents, saver, window());
            dialog->show();
        });
    });
}

// --- menus and status --------------------------------------------------------------------------------------

void FilesArea::localMenu(const QPoint &pos)
{
    QMenu menu(this);
    const QModelIndexList rows = m_localView->selectedRows();
    if (!rows.isEmpty() && m_connection) {
        menu.addAction(m_upload);
        menu.addSeparator();
    }
    menu.addAction(tr("Open the folder in the file manager"), this,
                   [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(localFolder())); });
    menu.addAction(m_showHidden);
    menu.exec(m_localView->viewport()->mapToGlobal(pos));
}

void FilesArea::remoteMenu(const QPoint &pos)
{
    if (!m_connection)
        return;
    QMenu menu(this);
    const QModelIndexList rows = m_remoteView->selectedRows();
    if (rows.size() == 1) {
        const QModelIndex index = m_remoteProxy->mapToSource(rows.first());
        menu.addAction(m_remoteModel->isFolder(index) ? tr("&Open") : tr("&Edit"), this,
                       [this, row = rows.first()] { openRemote(row); });
    }
    if (!rows.isEmpty()) {
        menu.addAction(m_download);
        menu.addSeparator();
        for (QAction *action : m_remoteView->actions())
            menu.addAction(action);
    }
    menu.addSeparator();
    menu.addAction(tr("New &folder…"), this, &FilesArea::newRemoteFolder);
    menu.addAction(tr("Re&fresh"), this, [this] { m_remoteModel->refresh(); });
    menu.addAction(m_showHidden);
    menu.exec(m_remoteView->viewport()->mapToGlobal(pos));
}

void FilesArea::updateFreeSpace()
{
    m_freeSpace.clear();
    if (!m_connection || !m_connection->ssh() || m_remoteModel->rootPath().isEmpty())
        return;
    const QByteArray path = m_remoteModel->rootPath();
    sshcore::SftpClient(m_connection->ssh()).fileSystem(path, this, [this, path](const sshcore::Result<sshcore::SftpFileSystem> &fs) {
        if (path != m_remoteModel->rootPath())
            return;
        const QLocale locale;
        m_freeSpace = fs ? tr("%1 free of %2").arg(locale.formattedDataSize(qint64(fs->availableBytes), 1),
                                                    locale.formattedDataSize(qint64(fs->totalBytes), 1))
                         : QString();
        if (fs && fs->readOnly)
            m_freeSpace += tr(" (read-only)");
        updateRemoteStatus();
    });
}

void FilesArea::updateRemoteStatus()
{
    if (!m_connection || !m_connection->ssh()) {
        m_remoteStatus->setText(tr("Connect to a cluster to see its files."));
        m_remoteStatus->setStyleSheet({});
        return;
    }
    if (!m_remoteProblem.isEmpty()) {
        m_remoteStatus->setText(m_remoteProblem);
        palette::showAsProblem(m_remoteStatus);
        return;
    }
    m_remoteStatus->setStyleSheet({});
    QStringList parts;
    if (m_remoteModel->isLoading())
        parts.append(tr("Listing…"));
    else if (m_remoteModel->rowCount() == 0)
        parts.append(tr("Empty folder: drop files here to upload them"));
    else
        parts.append(tr("%n item(s)", nullptr, m_remoteModel->rowCount()));
    if (!m_freeSpace.isEmpty())
        parts.append(m_freeSpace);
    m_remoteStatus->setText(parts.join(u"  ·  "));
}

} // namespace ui
