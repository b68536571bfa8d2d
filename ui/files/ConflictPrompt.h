// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/transfers/TransferQueue.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QMessageBox;
class QWidget;

namespace ui {

// Asks what to do when a transfer's destination exists: one question at a time, each in a box that
// does not block the window (transfers and listings go on), with "the same for every other file"
// answering the waiting ones too. The answer goes to the queue if it is still there.
class ConflictPrompt : public QObject
{
    Q_OBJECT

public:
    // The boxes open over parent.
    explicit ConflictPrompt(QWidget *parent);

    // The queue whose questions are asked (null: none); questions of a previous queue are dropped.
    void setQueue(app::TransferQueue *queue);

private:
    void ask(const app::TransferQueue::ConflictQuestion &question);
    void showNext();

    QWidget *m_parent;
    QPointer<app::TransferQueue> m_queue;
    QList<app::TransferQueue::ConflictQuestion> m_waiting; // the first one is being asked
    QPointer<QMessageBox> m_box;
};

} // namespace ui
