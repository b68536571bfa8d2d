// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/profiles/Profile.h"

#include <QDialog>

class QListWidget;
class QPushButton;

namespace ui {

// Picks which of ~/.ssh/config's hosts become clusters. Hosts already added are shown, unticked.
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    ImportDialog(const QList<app::Profile> &suggestions, const QList<app::Profile> &existing,
                 QWidget *parent = nullptr);

    QList<app::Profile> chosen() const;

private:
    void updateButton();

    QList<app::Profile> m_suggestions;
    QListWidget *m_list;
    QPushButton *m_import;
};

} // namespace ui
