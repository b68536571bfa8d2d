// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace app {
class MonitorSampler;
}

namespace ui {

class CategoryChart;
class TimeChart;

// The cluster: per partition, CPUs, memory and GPUs allocated / idle / unavailable now, and over
// time (as sampled while connected) the CPUs allocated and the jobs pending and running.
class ClusterUseView : public QWidget
{
    Q_OBJECT

public:
    explicit ClusterUseView(QWidget *parent = nullptr);

    // Draws what the sampler holds (call after each of its refreshes).
    void show(const app::MonitorSampler *sampler);

    CategoryChart *cpusNow() const { return m_cpus; }
    CategoryChart *memoryNow() const { return m_memory; }
    CategoryChart *gpusNow() const { return m_gpus; }
    // Allocated over time: CPUs, memory or GPUs, as the picker above it says.
    TimeChart *cpusOverTime() const { return m_cpusOverTime; }
    QComboBox *overTimePicker() const { return m_overTime; }
    TimeChart *queueOverTime() const { return m_queue; }

Q_SIGNALS:
    void message(const QString &text);

private:
    QLabel *m_status;
    QComboBox *m_overTime;
    const app::MonitorSampler *m_sampler = nullptr;
    CategoryChart *m_cpus;
    CategoryChart *m_memory;
    CategoryChart *m_gpus;
    TimeChart *m_cpusOverTime;
    TimeChart *m_queue;
};

} // namespace ui
