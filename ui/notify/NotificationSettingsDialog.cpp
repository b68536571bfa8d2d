// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/notify/NotificationSettingsDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace ui {

using app::NoticeKind;
using app::NoticePreferences;

NotificationSettingsDialog::NotificationSettingsDialog(const QString &cluster, QWidget *parent)
    : QDialog(parent)
    , m_cluster(cluster)
{
    setObjectName(QStringLiteral("notificationSettings"));
    setWindowTitle(tr("Notifications for %1").arg(cluster));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("clusterdesk tells your desktop when something happens on %1, also while its "
                                "window is closed (it stays in the system tray). Untick what you do not want to hear "
                                "about.")
                                 .arg(cluster),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    const auto group = [this, layout](const QString &title, const QList<NoticeKind> &kinds) {
        auto *box = new QGroupBox(title, this);
        auto *boxLayout = new QVBoxLayout(box);
        for (const NoticeKind kind : kinds) {
            auto *check = new QCheckBox(NoticePreferences::kindLabel(kind), box);
            check->setObjectName(NoticePreferences::kindId(kind));
            check->setChecked(NoticePreferences::wanted(m_cluster, kind));
            boxLayout->addWidget(check);
            m_boxes.insert(int(kind), check);
        }
        layout->addWidget(box);
    };
    group(tr("Batch jobs the Jobs area follows"),
          {NoticeKind::JobStarted, NoticeKind::JobEnded, NoticeKind::JobFailed});
    group(tr("Jupyter"), {NoticeKind::JupyterReady, NoticeKind::JupyterTimeLeft, NoticeKind::JupyterEnded});
    group(tr("Interactive allocations"),
          {NoticeKind::AllocationStarted, NoticeKind::AllocationTimeLeft, NoticeKind::AllocationEnded});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addStretch(1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::accepted, this, &NotificationSettingsDialog::save);
}

NotificationSettingsDialog *NotificationSettingsDialog::openFor(const QString &cluster, QWidget *parent)
{
    auto *dialog = new NotificationSettingsDialog(cluster, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
    return dialog;
}

void NotificationSettingsDialog::save() const
{
    for (auto it = m_boxes.cbegin(); it != m_boxes.cend(); ++it)
        NoticePreferences::setWanted(m_cluster, NoticeKind(it.key()), it.value()->isChecked());
}

} // namespace ui
