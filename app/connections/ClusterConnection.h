// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/profiles/Profile.h"
#include "app/schedulers/SchedulerDetection.h"
#include "sshcore/SshConnection.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <optional>

namespace app {

class Keyring;
class JupyterManager;
class MonitorSampler;
class SchedulerClient;
class TransferQueue;
class RememberingInteraction;

// A cluster the user works with: its profile, and while connected the one SSH session everything
// goes through, with what was learnt on connecting (scheduler and version) and the current latency.
//
// Lifetimes: ssh(), transfers() and schedulerClient() are made with the ClusterConnection and live
// exactly as long as it does, never null, the same objects across every open(), close(), link loss
// and reconnection. A view may keep them (in a QPointer if it can outlive the connection) and use them
// after a nested wait or a dialog without fetching them again. What changes is their state: ssh()'s
// state(), and whether schedulerClient() has a back end (isReady(), schedulerChanged()). The next
// areas (Jupyter, monitoring, terminals) hang their own per-cluster objects here the same way.
class ClusterConnection : public QObject
{
    Q_OBJECT

public:
    // sshConfigPath: the OpenSSH configuration profiles build on (empty: the user's ~/.ssh/config).
    ClusterConnection(const Profile &profile, QString sshConfigPath, sshcore::SshInteraction *person, Keyring *keyring,
                      QObject *parent = nullptr);
    ~ClusterConnection() override;

    const Profile &profile() const { return m_profile; }
    // A changed profile is used from the next connection on.
    void setProfile(const Profile &profile);

    void open();
    void close();

    sshcore::SshConnectionState state() const { return m_state; }
    // Why it failed or is reconnecting; empty otherwise.
    QString message() const { return m_message; }
    bool isOpen() const;
    // The SSH connection, re-opened with the profile's current settings by each open().
    sshcore::SshConnection *ssh() const { return m_ssh; }
    // The transfers over this connection. Queued transfers wait while the link is down and go on
    // when it is back (also after a close() and a later open()).
    TransferQueue *transfers() const { return m_transfers; }

    std::optional<SchedulerDetection> scheduler() const { return m_scheduler; }
    // The scheduler's commands over this connection. Ready (isReady()) once the scheduler is known
    // and clusterdesk has a back end for it (the profile's choice, or what was detected); until then
    // and after the connection closes or fails, its requests fail saying why. It keeps its back end
    // while the link is being restored: requests then wait for it.
    SchedulerClient *schedulerClient() const { return m_schedulerClient; }
    // The cluster's Jupyter servers (started here, or found on the cluster on connecting).
    JupyterManager *jupyter() const { return m_jupyter; }
    // The Monitor's sampling of this cluster (its use, the queue, watched jobs), running while the
    // scheduler's back end is ready.
    MonitorSampler *monitor() const { return m_monitor; }
    std::optional<std::chrono::milliseconds> latency() const { return m_latency; }
    // The pre-login banner, if the server sent one.
    QString banner() const { return m_banner; }

    // "Connected · Slurm 24.11.5 · 3 ms", "Connecting…", "Failed: …"
    QString statusText() const;
    static QString stateName(sshcore::SshConnectionState state);

Q_SIGNALS:
    void changed();
    void schedulerDetected(const app::SchedulerDetection &detection);
    void keyringProblem(const QString &message);

private:
    void onStateChanged(sshcore::SshConnectionState state, const QString &message);
    void detectScheduler();
    void measureLatency();
    QString notConnected() const;

    Profile m_profile;
    QString m_sshConfigPath;
    RememberingInteraction *m_interaction;
    sshcore::SshConnection *m_ssh; // these three: children, made once
    TransferQueue *m_transfers;
    SchedulerClient *m_schedulerClient;
    JupyterManager *m_jupyter; // made once, after the client
    MonitorSampler *m_monitor; // made once, after the client
    sshcore::SshConnectionState m_state = sshcore::SshConnectionState::Disconnected;
    QString m_message;
    QString m_banner;
    std::optional<SchedulerDetection> m_scheduler;
    std::optional<std::chrono::milliseconds> m_latency;
    QTimer m_latencyTimer;
    bool m_latencyPending = false;
};

} // namespace app
