// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/notify/Notice.h"

#include <QDialog>
#include <QHash>

class QCheckBox;

namespace ui {

// Which desktop notices one cluster gives: a box per kind (app::NoticePreferences), all ticked by
// default. OK keeps the choice; it applies to the next notice.
class NotificationSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NotificationSettingsDialog(const QString &cluster, QWidget *parent = nullptr);

    // The dialog for cluster, window-modal over parent, deleted when closed.
    static NotificationSettingsDialog *openFor(const QString &cluster, QWidget *parent);

    QCheckBox *box(app::NoticeKind kind) const { return m_boxes.value(int(kind)); }
    // Saves the ticked boxes (done on accept).
    void save() const;

private:
    QString m_cluster;
    QHash<int, QCheckBox *> m_boxes; // by int(NoticeKind)
};

} // namespace ui
