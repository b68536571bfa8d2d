// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/files/DragDownload.h"

#include "app/connections/ClusterConnection.h"
#include "app/transfers/TransferQueue.h"
#include "sshcore/RemotePath.h"

#include <QDir>
#include <QTimer>

namespace ui {

using app::TransferOptions;
using app::TransferQueue;
using sshcore::SshConnectionState;

DragDownload::DragDownload(app::ClusterConnection *connection, const QByteArrayList &remotePaths, const QString &folder,
                           QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_queue(connection ? connection->transfers() : nullptr)
    , m_remotePaths(remotePaths)
    , m_folder(folder)
{
    for (const QByteArray &path : remotePaths) {
        Item item;
        item.name = QString::fromUtf8(sshcore::RemotePath::baseName(path));
        m_items.append(item);
    }
    if (!m_queue)
        m_problem = tr("Not connected to a cluster.");
    else if (m_folder.isEmpty())
        m_problem = tr("There is no temporary folder to download into (is the disk full?).");
    if (!m_problem.isEmpty()) {
        for (Item &item : m_items) {
            item.state = Item::State::Stopped;
            item.error = m_problem;
        }
        updateLink();
        return;
    }

    const auto ours = [this](int id) {
        if (!m_jobs.contains(id))
            return;
        if (m_cleaning) {
            cleanUpWhenSettled();
            return;
        }
        refresh();
        Q_EMIT changed();
    };
    connect(m_queue, &TransferQueue::jobChanged, this, ours);
    connect(m_queue, &TransferQueue::jobFinished, this, ours);
    connect(m_queue, &QObject::destroyed, this, [this] {
        updateLink();
        if (m_cleaning) {
            cleanUpWhenSettled();
            return;
        }
        refresh();
        Q_EMIT changed();
    });
    connect(m_connection, &app::ClusterConnection::changed, this, [this] {
        updateLink();
        Q_EMIT changed();
    });

    // A folder of its own, so nothing is there before: overwriting is only a formality.
    TransferOptions options;
    options.conflict = TransferOptions::Conflict::Overwrite;
    for (const QByteArray &path : remotePaths)
        m_jobs.append(m_queue->download(path, m_folder, options));
    updateLink();
    refresh();
}

// The Files area is going, and with it every drag's folder: nothing may go on writing into it.
DragDownload::~DragDownload()
{
    if (m_queue) {
        for (const int id : std::as_const(m_jobs))
            m_queue->cancel(id);
    }
}

bool DragDownload::allEnded() const
{
    return std::ranges::none_of(m_items, [](const Item &item) { return item.state == Item::State::Downloading; });
}

bool DragDownload::allDone() const
{
    return std::ranges::all_of(m_items, [](const Item &item) { return item.state == Item::State::Done; });
}

void DragDownload::updateLink()
{
    if (!m_queue || !m_connection) {
        m_link = Link::Gone;
        m_linkMessage.clear();
        return;
    }
    switch (m_connection->state()) {
    case SshConnectionState::Connected: m_link = Link::Up; break;
    case SshConnectionState::Connecting:
    case SshConnectionState::Authenticating:
    case SshConnectionState::Reconnecting: m_link = Link::Down; break;
    case SshConnectionState::Disconnected:
    case SshConnectionState::Failed: m_link = Link::Closed; break;
    }
    m_linkMessage = m_connection->message();
}

// The items from the queue's jobs (without telling anyone: the callers do, when they may).
void DragDownload::refresh()
{
    for (qsizetype i = 0; i < m_items.size() && i < m_jobs.size(); ++i) {
        Item &item = m_items[i];
        const TransferQueue::Job *job = m_queue ? m_queue->job(m_jobs[i]) : nullptr;
        if (!job) {
            if (item.state == Item::State::Downloading) {
                item.state = Item::State::Stopped;
                item.error = tr("The connection to the cluster was removed before it arrived.");
            }
            continue;
        }
        const TransferQueue::Progress progress = m_queue->progress(job->id);
        item.bytesDone = progress.bytesDone;
        item.bytesTotal = progress.bytesTotal;
        item.error.clear();
        if (job->state == TransferQueue::JobState::Cancelled) {
            item.state = Item::State::Stopped;
            item.error = tr("Cancelled.");
        } else if (job->state != TransferQueue::JobState::Finished) {
            item.state = Item::State::Downloading; // again, after a retry in Transfers
        } else if (job->error.isEmpty() && progress.filesFailed == 0) {
            item.state = Item::State::Done;
        } else {
            item.state = Item::State::Failed;
            item.error = job->error;
            for (const TransferQueue::File &file : job->files) {
                if (item.error.isEmpty() && file.state == TransferQueue::FileState::Failed)
                    item.error = file.error;
            }
        }
    }
    if (m_asked && allEnded() && !m_toldEnded) {
        m_toldEnded = true;
        QTimer::singleShot(0, this, [this] { Q_EMIT ended(); });
    }
    if (m_asked && m_dragEnded && allEnded())
        deleteLater(); // the box (if any) keeps what it showed last
}

QList<QUrl> DragDownload::completeUrls()
{
    m_asked = true;
    refresh();
    QList<QUrl> urls;
    const QDir folder(m_folder);
    for (const Item &item : std::as_const(m_items)) {
        if (item.state == Item::State::Done)
            urls.append(QUrl::fromLocalFile(folder.filePath(item.name)));
    }
    if (urls.size() < m_items.size() && !m_toldIncomplete) {
        m_toldIncomplete = true;
        // Not from inside the drop target's question: it is answered first.
        QTimer::singleShot(0, this, [this] { Q_EMIT incomplete(); });
    }
    return urls;
}

void DragDownload::dragEnded()
{
    if (m_dragEnded)
        return;
    m_dragEnded = true;
    if (m_asked) {
        refresh();
        return;
    }
    m_cleaning = true;
    if (m_queue) {
        for (const int id : std::as_const(m_jobs))
            m_queue->cancel(id);
    }
    cleanUpWhenSettled();
}

// The folder goes once nothing of ours still writes into it: a cancelled file stops at its next
// block (and removes its partial copy itself), local folders being made are finished first.
void DragDownload::cleanUpWhenSettled()
{
    if (m_queue) {
        for (const int id : std::as_const(m_jobs)) {
            const TransferQueue::Job *job = m_queue->job(id);
            if (job && (job->makingDirectories || std::ranges::any_of(job->files, [](const TransferQueue::File &file) {
                            return file.state == TransferQueue::FileState::Running;
                        })))
                return;
        }
    }
    if (!m_folder.isEmpty())
        QDir(m_folder).removeRecursively();
    m_cleaning = false;
    m_jobs.clear(); // nothing left to watch
    deleteLater();
}

} // namespace ui
