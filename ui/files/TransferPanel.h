#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
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
    QPushButton *m_pause;
    QPushButton *m_resume;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QPushButton *m_failures;
    QPushButton *m_clear;
};

} // namespace ui
