// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/profiles/Profile.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace ui {

// Adds or edits a cluster profile: where the cluster is and how to log in first, the rest
// (scheduler defaults, colour, keyring) below. OK stays disabled until the profile can be used.
class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ProfileDialog(const app::Profile &profile, bool adding, QWidget *parent = nullptr);

    // The profile as filled in; valid when the dialog was accepted.
    app::Profile profile() const;

private:
    void updateState();
    QString problem() const;

    app::Profile m_original;
    QLineEdit *m_name;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_user;
    QComboBox *m_authentication;
    QLineEdit *m_keyFile;
    QLineEdit *m_jumpHosts;
    QComboBox *m_scheduler;
    QLineEdit *m_remoteDirectory;
    QLineEdit *m_partition;
    QLineEdit *m_account;
    QComboBox *m_colour;
    QLineEdit *m_knownHosts;
    QCheckBox *m_remember;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace ui
