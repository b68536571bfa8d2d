#include "ui/files/RemoteDragData.h"

#include "app/transfers/TransferQueue.h"
#include "sshcore/RemotePath.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QTimer>

namespace ui {

using namespace Qt::StringLiterals;
using app::TransferOptions;
using app::TransferQueue;

namespace {

// Not QMimeData::tr, whose context would be QMimeData's.
QString dragTr(const char *text)
{
    return QCoreApplication::translate("ui::RemoteDragData", text);
}

bool ended(const TransferQueue::Job *job)
{
    return !job || job->state == TransferQueue::JobState::Finished || job->state == TransferQueue::JobState::Cancelled;
}

// Finished with every file there.
bool complete(const TransferQueue::Job *job)
{
    return job && job->state == TransferQueue::JobState::Finished && job->error.isEmpty()
           && std::ranges::none_of(job->files,
                                   [](const auto &file) { return file.state == TransferQueue::FileState::Failed; });
}

} // namespace

RemoteDragData::RemoteDragData(Fetch fetch)
    : m_fetch(std::move(fetch))
{}

QStringList RemoteDragData::formats() const
{
    QStringList all = QMimeData::formats();
    if (!all.contains(u"text/uri-list"_s))
        all.append(u"text/uri-list"_s);
    return all;
}

bool RemoteDragData::hasFormat(const QString &type) const
{
    return type == u"text/uri-list" || QMimeData::hasFormat(type);
}

QVariant RemoteDragData::retrieveData(const QString &type, QMetaType preferred) const
{
    if (type != u"text/uri-list")
        return QMimeData::retrieveData(type, preferred);
    if (!m_fetched) {
        m_fetched = true; // asked once: a second question during the wait gets nothing, not a second wait
        m_urls = download();
    }
    return QVariant::fromValue(QList<QVariant>(m_urls.begin(), m_urls.end()));
}

QList<QUrl> RemoteDragData::download() const
{
    const auto fail = [this](const QString &message) {
        if (m_fetch.failed)
            m_fetch.failed(message);
        return QList<QUrl>();
    };
    QPointer<TransferQueue> transfers = m_fetch.queue ? m_fetch.queue() : nullptr;
    if (!transfers)
        return fail(
            dragTr(QT_TRANSLATE_NOOP("ui::RemoteDragData", "Nothing was dropped: not connected to the cluster.")));
    const QString folder = m_fetch.folder();
    if (folder.isEmpty())
        return fail(dragTr(QT_TRANSLATE_NOOP("ui::RemoteDragData",
                                             "Nothing was dropped: there is no temporary folder for the downloads.")));
    TransferOptions options;
    options.conflict = TransferOptions::Conflict::Overwrite; // an earlier drag's copy
    QList<int> jobs;
    for (const QByteArray &path : m_fetch.remotePaths)
        jobs.append(transfers->download(path, folder, options));

    QEventLoop loop;
    QTimer stall;
    stall.setSingleShot(true);
    stall.setInterval(m_fetch.stallLimit);
    bool stalled = false;
    quint64 arrived = 0;
    const auto allEnded = [&] {
        return !transfers || std::ranges::all_of(jobs, [&](int id) { return ended(transfers->job(id)); });
    };
    const auto check = [&] {
        if (allEnded()) {
            loop.quit();
            return;
        }
        quint64 now = 0;
        for (int id : jobs)
            now += transfers->progress(id).bytesDone;
        if (now > arrived) { // progress: the limit counts from here
            arrived = now;
            stall.start();
        }
    };
    QObject::connect(&stall, &QTimer::timeout, &loop, [&] {
        stalled = true;
        loop.quit();
    });
    QObject::connect(transfers, &TransferQueue::jobFinished, &loop, check);
    QObject::connect(transfers, &TransferQueue::jobChanged, &loop, check);
    QObject::connect(transfers, &QObject::destroyed, &loop, &QEventLoop::quit);
    stall.start();
    QTimer::singleShot(0, &loop, check);
    loop.exec();

    if (!transfers)
        return fail(dragTr(
            QT_TRANSLATE_NOOP("ui::RemoteDragData",
                              "Nothing was dropped: the connection to the cluster was closed during the download.")));
    QList<QUrl> urls;
    QStringList missing;
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        const TransferQueue::Job *job = transfers->job(jobs[i]);
        const QString name = QString::fromUtf8(sshcore::RemotePath::baseName(m_fetch.remotePaths[i]));
        if (complete(job)) {
            urls.append(QUrl::fromLocalFile(QDir(folder).filePath(name)));
            continue;
        }
        missing.append(name);
        if (!ended(job))
            transfers->cancel(jobs[i]); // nobody waits for it any more
    }
    if (missing.isEmpty())
        return urls;
    const qint64 seconds = std::chrono::duration_cast<std::chrono::seconds>(m_fetch.stallLimit).count();
    const QString why =
        stalled ? dragTr(QT_TRANSLATE_NOOP("ui::RemoteDragData",
                                           "no data came from the cluster for %1 s (is the connection lost?), so the "
                                           "download was cancelled"))
                      .arg(seconds)
                : dragTr(QT_TRANSLATE_NOOP("ui::RemoteDragData", "the download failed; see Transfers for why"));
    fail(dragTr(QT_TRANSLATE_NOOP("ui::RemoteDragData",
                                  "%1 could not be fetched for the drop: %2. Try again once the cluster is "
                                  "reachable, or use Download."))
             .arg(missing.join(u", "), why));
    return urls;
}

} // namespace ui
