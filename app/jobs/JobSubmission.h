// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/Scheduler.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QTemporaryDir;

namespace app {

class SchedulerClient;
class TransferQueue;

// Sends a job script to the cluster and submits it: makes the working directory, uploads the script
// (and, if asked, a local folder next to it) through the transfer queue, then submits it or asks for
// a start estimate only. One request per object; deleting it stops what is still under way.
class JobSubmission : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QString scriptText;
        QString scriptName = QStringLiteral("job.sh"); // its file name in the working directory
        QString workDirectory;                         // absolute, "~/…" or relative to the home folder
        QString localFolder;   // uploaded into the working directory first (newer files only); may be empty
        bool testOnly = false; // the scheduler's start estimate, without submitting
    };

    // A ClusterConnection's client and queue (see there for their lifetimes); held in QPointers all the
    // same. Through a reconnection the steps wait and go on; if the connection closes or fails for
    // good, the submission fails saying so.
    JobSubmission(SchedulerClient *client, TransferQueue *transfers, QObject *parent = nullptr);
    ~JobSubmission() override;

    void start(const Request &request);
    // Where the script went, once known ("/home/alice/runs/job.sh").
    QString remoteScript() const { return m_remoteScript; }

Q_SIGNALS:
    void progress(const QString &step); // "Uploading job.sh…"
    void submitted(const app::SubmitReply &reply);
    void estimated(const app::StartEstimate &estimate);
    void failed(const QString &message);

private:
    void makeDirectory();
    void upload(const QString &localPath, int options);
    void onTransferFinished(int id);
    void submit();
    void fail(const QString &message);

    QPointer<SchedulerClient> m_client;
    QPointer<TransferQueue> m_transfers;
    Request m_request;
    std::unique_ptr<QTemporaryDir> m_scratch;
    QString m_directory;
    QString m_remoteScript;
    QList<int> m_pendingTransfers;
    bool m_done = false;
    bool m_submitting = false; // the scheduler's submit command has been sent
};

} // namespace app
