// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;

namespace app {
struct JobAccounting;
class SchedulerClient;
} // namespace app

namespace ui {

class CategoryChart;

// My jobs over time, from accounting: the CPU, memory, time (and GPU, where the site records it)
// efficiency of my last N finished jobs, with the outliers named; and how long my jobs waited
// (submit to start) per partition over the last 30 days.
class MyJobsView : public QWidget
{
    Q_OBJECT

public:
    explicit MyJobsView(QWidget *parent = nullptr);

    void setClient(app::SchedulerClient *client);
    // Asks accounting again.
    void reload();
    // Draws these jobs (what reload() does with accounting's answer); for tests and the benchmark.
    void showJobs(const QList<app::JobAccounting> &jobs);

    CategoryChart *efficiencyChart() const { return m_efficiency; }
    CategoryChart *waitChart() const { return m_wait; }
    QString outliers() const;

Q_SIGNALS:
    void message(const QString &text);

private:
    QPointer<app::SchedulerClient> m_client;
    QSpinBox *m_count;
    QPushButton *m_reload;
    QLabel *m_status;
    CategoryChart *m_efficiency;
    QLabel *m_outliers;
    CategoryChart *m_wait;
    QList<app::JobAccounting> m_jobs;
};

} // namespace ui
