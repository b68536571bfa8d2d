// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QSpinBox;
class QTreeWidget;

namespace app {
class SchedulerClient;
}

namespace ui {

// The Jobs area's History page: the jobs of the last N days from the scheduler's accounting, with
// how much of the CPUs, memory and time they asked for they used.
class JobHistoryView : public QWidget
{
    Q_OBJECT

public:
    explicit JobHistoryView(QWidget *parent = nullptr);

    // The cluster's scheduler (null: none); the list empties.
    void setClient(app::SchedulerClient *client);
    // Asks accounting again.
    void refresh();

    QTreeWidget *list() const { return m_list; }

private:
    QPointer<app::SchedulerClient> m_client;
    QSpinBox *m_days;
    QLabel *m_status;
    QTreeWidget *m_list;
};

} // namespace ui
