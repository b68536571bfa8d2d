// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jupyter/JupyterDiagnosis.h"
#include "app/jupyter/JupyterScript.h"
#include "app/jupyter/JupyterServerInfo.h"
#include "app/jupyter/JupyterSettings.h"
#include "app/schedulers/Job.h"
#include "app/schedulers/JobAccounting.h"
#include "app/schedulers/Scheduler.h"
#include "sshcore/Result.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace sshcore {
class SshConnection;
class SshTunnel;
} // namespace sshcore

namespace app {

class SchedulerClient;

// One Jupyter server in a batch job, from Start to its end, followed through the cluster's one SSH
// session: the job is submitted with the generated script (JupyterScript) from its own 0700 folder,
// watched in the queue (reason, expected start), and once it runs the server's own info file is
// read over SFTP (into memory: the token never touches the local disk), a tunnel on 127.0.0.1 is
// opened to the node's port, and the session is Ready when Jupyter's /api/status answers through it
// with the token. When the job ends the session says why, from accounting and the job's output.
//
// A dropped link changes nothing it holds: the tunnel keeps its local port and carries connections
// again once the SSH layer is back, so the same URL answers. Closing the app leaves the job running;
// the record written beside it (session.json) lets JupyterManager find it again and make a session
// that follows it from wherever it is.
class JupyterSession : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Submitting, // writing the script, submitting
        Queued,     // pending in the scheduler's queue
        Starting,   // the job runs; the server does not answer yet
        Ready,      // the server answers through the tunnel
        Ending,     // asked to stop, or the job is leaving the queue
        Ended,      // over: diagnosis() says why
    };
    Q_ENUM(State)

    // What is kept on the cluster beside the job: enough to find and follow it again.
    struct Record
    {
        QString sessionId;
        QString jobId;
        QString home; // the cluster's home folder, absolute
        JupyterSettings settings;
        QDateTime submitted;

        JupyterLayout layout() const { return {home, sessionId}; }
        QJsonObject toJson() const;
        static std::optional<Record> fromJson(const QJsonObject &object);
    };

    // A new server, submitted by start(). ssh and client: a cluster's connection and its scheduler
    // client (ClusterConnection's, or the command line's), which must outlive nothing here: both are
    // held in QPointers, and without them the session ends saying so.
    JupyterSession(sshcore::SshConnection *ssh, SchedulerClient *client, JupyterSettings settings,
                   QObject *parent = nullptr);
    // A server submitted earlier (found by JupyterManager): followed from its current state.
    JupyterSession(sshcore::SshConnection *ssh, SchedulerClient *client, Record record, QObject *parent = nullptr);
    ~JupyterSession() override;

    void start();
    // Cancels the job (the caller asks the person first); the session ends once the job has gone.
    void stop();

    State state() const { return m_state; }
    static QString stateName(State state);
    // One line for people: "Waiting for resources · expected to start at 14:05", "Ready".
    QString stateText() const;
    const Record &record() const { return m_record; }
    const JupyterSettings &settings() const { return m_record.settings; }
    QString jobId() const { return m_record.jobId; }
    // The URL to open, with the token; empty unless Ready.
    QUrl url() const;
    // When the job's time limit ends it (known once it runs).
    std::optional<QDateTime> endsAt() const { return m_endsAt; }
    QDateTime stateSince() const { return m_stateSince; }
    // Once Ended: why, and the end of the job's output (what a person reads to understand it).
    const JupyterDiagnosis &diagnosis() const { return m_diagnosis; }
    QByteArray outputTail() const { return m_outputTail; }
    std::optional<JobAccounting> accounting() const { return m_accounting; }
    QString scriptText() const { return m_script; }

    // How long the session waits between looks, per state (tests and the benchmark shorten them).
    void setPollIntervals(std::chrono::milliseconds waiting, std::chrono::milliseconds starting,
                          std::chrono::milliseconds ready);

Q_SIGNALS:
    void changed();
    void stateChanged(app::JupyterSession::State state);

private:
    void setState(State state);
    void end(const JupyterDiagnosis &diagnosis);
    void writeFilesAndSubmit(const QString &home);
    void submit();
    void writeRecord();
    void poll();
    void onDetails(const sshcore::Result<JobDetails> &details);
    void lookForServer();
    void openTunnel(const JupyterServerInfo &info);
    void probe();
    void jobLeft();
    void scheduleNextPoll();
    bool linkUsable() const;

    QPointer<sshcore::SshConnection> m_ssh;
    QPointer<SchedulerClient> m_client;
    Record m_record;
    State m_state = State::Submitting;
    QString m_waitReason; // the scheduler's reason while queued
    std::optional<QDateTime> m_expectedStart;
    std::optional<QDateTime> m_endsAt;
    QDateTime m_stateSince;
    QString m_script;
    std::optional<JupyterServerInfo> m_server; // host, port and token: memory only
    std::unique_ptr<sshcore::SshTunnel> m_tunnel;
    QString m_tunnelError; // why the tunnel's last connection failed, while starting
    QNetworkAccessManager *m_network = nullptr;
    bool m_probing = false;
    bool m_looking = false;
    bool m_polling = false;
    bool m_stopRequested = false;
    JupyterDiagnosis m_diagnosis;
    QByteArray m_outputTail;
    std::optional<JobAccounting> m_accounting;
    QTimer m_timer;
    QElapsedTimer m_sinceDetails; // since the scheduler was last asked about the job
    std::chrono::milliseconds m_waitingInterval{3000};
    std::chrono::milliseconds m_startingInterval{200};
    std::chrono::milliseconds m_readyInterval{10000};
};

} // namespace app
