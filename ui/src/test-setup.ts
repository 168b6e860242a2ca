// Adds DOM matchers (toBeVisible, toHaveTextContent, …) to vitest's expect.
import '@testing-library/jest-dom/vitest';
