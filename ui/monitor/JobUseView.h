// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;

namespace app {
struct JobAccounting;
struct JobTrack;
} // namespace app

namespace ui {

class TimeChart;

// One job's use over time: cores busy (against the cores it has), memory (against what it asked
// for, drawn as a dashed line), and for a GPU job each GPU's utilisation and memory; under the
// charts, what they mean in plain words ("about 2 of the 2 cores were busy", "memory peaked at
// 310 MiB of 512 MiB"), and for a finished job accounting's totals.
class JobUseView : public QWidget
{
    Q_OBJECT

public:
    explicit JobUseView(QWidget *parent = nullptr);

    // Shows a job's series (null: none chosen). accounting: its totals once finished, where known.
    void show(const app::JobTrack *track, const app::JobAccounting *accounting = nullptr);
    // Shown instead of the charts' data when the job cannot be sampled (and why).
    void setMessage(const QString &text);

    TimeChart *coresChart() const { return m_cores; }
    TimeChart *memoryChart() const { return m_memory; }
    TimeChart *gpuChart() const { return m_gpu; }
    TimeChart *gpuMemoryChart() const { return m_gpuMemory; }
    // The plain words under the charts, one per line.
    QStringList words() const;

Q_SIGNALS:
    void message(const QString &text);

private:
    QLabel *m_title;
    QLabel *m_status;
    TimeChart *m_cores;
    TimeChart *m_memory;
    TimeChart *m_gpu;
    TimeChart *m_gpuMemory;
    QLabel *m_words;
    QStringList m_wordLines;
};

} // namespace ui
