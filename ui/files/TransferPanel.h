// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QWidget>

class QLabel;
class QToolButton;
class QTreeView;

namespace app {
class TransferQueue;
class TransferQueueModel;
} // namespace app

namespace ui {

// The transfer queue under the file panes: each job with a progress bar, its speed and time left,
// what failed and why, and buttons to pause, resume, cancel or retry it.
class TransferPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TransferPanel(QWidget *parent = nullptr);
    void setQueue(app::TransferQueue *queue);
    app::TransferQueueModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

private:
    int selectedJob() const;
    void updateButtons();
    void showFailures();

    app::TransferQueueModel *m_model;
    QTreeView *m_view;
    QLabel *m_summary;
    QToolButton *m_pause;
    QToolButton *m_resume;
    QToolButton *m_cancel;
    QToolButton *m_retry;
    QToolButton *m_failures;
    QToolButton *m_clear;
};

} // namespace ui
