//! A simulated AEM as a Cloud Service author and Adobe IMS (placeholder until the sandbox lands).
