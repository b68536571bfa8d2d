// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace app {

// Where the Jupyter server's Python comes from on the compute node.
struct JupyterEnvironment
{
    enum class Kind { System, Modules, Conda, Venv, Container };
    Kind kind = Kind::Modules;
    QStringList modules; // loaded first in every kind, e.g. "jupyter/2.15"
    QString conda;       // environment name or path (Conda)
    QString venv;        // folder with bin/activate (Venv)
    QString container;   // image path or URI (Container); apptainer, else singularity; --nv when GPUs are asked

    bool operator==(const JupyterEnvironment &) const = default;
};

// What a person asks for when they start Jupyter on a cluster: the job's resources, the environment
// and the interface. Values use Slurm's spelling whatever the scheduler (as JobField does).
struct JupyterSettings
{
    enum class Interface { Lab, Notebook };
    QString partition;
    QString timeLimit; // "HH:MM:SS" or "D-HH:MM:SS"
    QString memory;    // "8G"
    QString gpus;      // "", "2", "a100:2"
    QString account;
    QString qos;
    QString workDirectory; // absolute, or empty: home
    int cpus = 1;
    JupyterEnvironment environment;
    Interface interface = Interface::Lab;

    QJsonObject toJson() const;
    // Missing or unknown values take their defaults, so that an older or hand-edited file still loads.
    static JupyterSettings fromJson(const QJsonObject &object);

    bool operator==(const JupyterSettings &) const = default;
};

// The command that lists the cluster's conda environments (in a login shell, where conda is set up);
// it prints nothing when there is no conda.
QByteArray condaEnvironmentsCommand();
// What "conda env list --json" printed ({"envs": ["/opt/conda", "/opt/conda/envs/torch", ...]}): the
// environments by name ("base" for the root one, the folder name for those under envs/, the path for
// any other), in its order; empty for no conda or output that is not conda's.
QStringList parseCondaEnvironments(const QByteArray &json);

} // namespace app
