// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

namespace app {

// The rhythm of a remote query repeated while a view is open (the job list, an output file): one
// request at a time; the next one interval after the answer (a slow cluster is not asked back to
// back); a request asked for while one is under way is made right after it, once however often it
// was asked for. The owner makes the request and reports its answer with finished().
class Poller : public QObject
{
    Q_OBJECT

public:
    Poller(std::function<void()> request, QObject *parent = nullptr);

    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const { return m_interval; }
    // Requests now and then every interval, until stop().
    void start();
    void stop();
    bool isActive() const { return m_active; }
    // A request now, or right after the one under way.
    void trigger();
    // The request under way was answered (or failed).
    void finished();
    bool isBusy() const { return m_busy; }

private:
    std::function<void()> m_request;
    QTimer m_timer;
    std::chrono::milliseconds m_interval{5000};
    bool m_active = false;
    bool m_busy = false;
    bool m_again = false;
};

} // namespace app
