// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jupyter/JupyterSettings.h"
#include "app/schedulers/ClusterResources.h"

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace ui {

class ResourceFields;

// What a Jupyter server asks for: partition (with its limits), time, CPUs, memory, GPUs, account and
// QoS, working folder, the environment (modules, a conda environment, a venv or a container image)
// and the interface. Pickers are filled from what the connected cluster offers; nothing typed is
// overwritten by them.
class JupyterForm : public QWidget
{
    Q_OBJECT

public:
    explicit JupyterForm(QWidget *parent = nullptr);

    app::JupyterSettings settings() const;
    void setSettings(const app::JupyterSettings &settings);
    void setResources(const app::ClusterResources &resources);
    // Conda environments the cluster lists (empty: conda is not there).
    void setCondaEnvironments(const QStringList &environments);
    // Why the settings cannot be used as they are (an unreadable time, a partition's limit); empty if fine.
    QString problem() const;

Q_SIGNALS:
    void edited();

private:
    void updateInfo();

    ResourceFields *m_resourceFields;
    QLineEdit *m_workDirectory;
    QComboBox *m_environmentKind;
    QStackedWidget *m_environmentPages;
    QLineEdit *m_modules;
    QComboBox *m_conda;
    QLineEdit *m_venv;
    QLineEdit *m_container;
    QButtonGroup *m_interface;
};

} // namespace ui
