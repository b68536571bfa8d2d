// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/files/ConflictPrompt.h"

#include <QCheckBox>
#include <QDateTime>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

namespace ui {

using app::TransferOptions;
using app::TransferQueue;

ConflictPrompt::ConflictPrompt(QWidget *parent)
    : QObject(parent)
    , m_parent(parent)
{}

void ConflictPrompt::setQueue(TransferQueue *queue)
{
    if (queue == m_queue)
        return;
    if (m_queue)
        disconnect(m_queue, nullptr, this, nullptr);
    m_queue = queue;
    m_waiting.clear();
    if (m_box)
        m_box->close(); // its answer would go to the old queue
    if (queue)
        connect(queue, &TransferQueue::conflict, this, &ConflictPrompt::ask);
}

void ConflictPrompt::ask(const TransferQueue::ConflictQuestion &question)
{
    m_waiting.append(question);
    if (!m_box)
        showNext();
}

void ConflictPrompt::showNext()
{
    while (!m_waiting.isEmpty() && (!m_queue || !m_queue->job(m_waiting.first().job)))
        m_waiting.removeFirst();
    if (m_waiting.isEmpty())
        return;
    const TransferQueue::ConflictQuestion question = m_waiting.first();
    const QLocale locale;
    const auto describe = [&](quint64 size, qint64 modified) {
        return tr("%1, modified %2")
            .arg(locale.formattedDataSize(qint64(size), 1),
                 locale.toString(QDateTime::fromSecsSinceEpoch(modified).toLocalTime(), QLocale::ShortFormat));
    };
    auto *box = new QMessageBox(QMessageBox::Question, tr("File exists"), tr("'%1' already exists.").arg(question.name),
                                QMessageBox::NoButton, m_parent);
    box->setObjectName(QStringLiteral("ConflictQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("There: %1\nThis one: %2")
                                .arg(describe(question.existingSize, question.existingModified),
                                     describe(question.newSize, question.newModified)));
    using Conflict = TransferOptions::Conflict;
    const QList<std::pair<QPushButton *, Conflict>> choices = {
        {box->addButton(tr("&Overwrite"), QMessageBox::DestructiveRole), Conflict::Overwrite},
        {box->addButton(tr("If &newer"), QMessageBox::AcceptRole), Conflict::OnlyIfNewer},
        {box->addButton(tr("&Resume"), QMessageBox::AcceptRole), Conflict::Resume},
        {box->addButton(tr("&Keep both"), QMessageBox::AcceptRole), Conflict::KeepBoth},
        {box->addButton(tr("&Skip"), QMessageBox::RejectRole), Conflict::Skip},
    };
    choices[2].first->setToolTip(tr("Continue a file that was cut short: send only what it is missing."));
    choices[2].first->setEnabled(question.existingSize < question.newSize);
    box->setDefaultButton(choices[4].first);
    auto *all = new QCheckBox(tr("Do the same for every other file that exists"), box);
    box->setCheckBox(all);
    m_box = box;
    connect(box, &QMessageBox::finished, this, [this, box, all, choices, queue = m_queue] {
        if (queue != m_queue || m_waiting.isEmpty())
            return; // closed because the queue changed
        Conflict decision = Conflict::Skip;
        for (const auto &[button, choice] : choices) {
            if (box->clickedButton() == button)
                decision = choice;
        }
        const bool forAll = all->isChecked();
        QList<TransferQueue::ConflictQuestion> answered{m_waiting.takeFirst()};
        if (forAll)
            answered += std::exchange(m_waiting, {});
        for (const auto &each : answered) {
            if (m_queue)
                m_queue->resolveConflict(each.job, each.file, decision, forAll);
        }
        QTimer::singleShot(0, this, &ConflictPrompt::showNext);
    });
    box->open();
}

} // namespace ui
